import { createClient as createClient4 } from 'redis4'
import { createClient as createClient5 } from 'redis5'
import { createClient as createClient6 } from 'redis6'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RedisServer, startRedis } from '../../../../../tests/support/redisServer.js'
import { redisEventStore } from './redisEventStore.js'
import { eventStoreContract } from './testing/eventStoreContract.js'

// A real redis-server, and the node-redis client of each major version users run.
let server: RedisServer
const clients = {
  'node-redis 4': (url: string) => createClient4({ url }),
  'node-redis 5': (url: string) => createClient5({ url }),
  'node-redis 6': (url: string) => createClient6({ url }),
}
type Client = ReturnType<(typeof clients)[keyof typeof clients]>
const connected: Partial<Record<keyof typeof clients, Client>> = {}

beforeAll(async () => {
  server = await startRedis()
  for (const [name, create] of Object.entries(clients)) {
    const client = create(server.url)
    await client.connect()
    connected[name as keyof typeof clients] = client
  }
})
afterAll(async () => {
  for (const client of Object.values(connected)) await client?.quit()
  await server?.stop()
})

for (const name of Object.keys(clients) as (keyof typeof clients)[]) {
  const client = () => connected[name] as Client
  eventStoreContract(`redisEventStore (${name})`, { shared: true, elsewhere: true }, () => ({
    open: () => redisEventStore(client()),
    openElsewhere: () => redisEventStore(client(), { prefix: 'elsewhere:' }),
  }))
}

describe('redisEventStore', () => {
  const send = (args: string[]) => (connected['node-redis 5'] as Client).sendCommand(args)

  it('keeps a claim as one key under the prefix, expiring with its lease', async () => {
    const store = redisEventStore(connected['node-redis 5'] as Client, { prefix: 'shop:' })
    expect(await store.claim('evt_test_keyed', 60_000)).toBe('claimed')
    const ttl = Number(await send(['PTTL', 'shop:evt_test_keyed']))
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(60_000)
    await store.complete('evt_test_keyed', 3_600_000)
    expect(await send(['GET', 'shop:evt_test_keyed'])).toBe('handled')
    expect(Number(await send(['PTTL', 'shop:evt_test_keyed']))).toBeGreaterThan(60_000)
  })

  it('says what it needs when given something else than a node-redis client', () => {
    expect(() => redisEventStore({} as never)).toThrow(/node-redis client/)
  })
})
