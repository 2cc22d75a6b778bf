/**
 * @smartpay-kit/server-client/webhooks/redis — a webhook event store in Redis, through your own
 * node-redis client (4, 5 or 6). Imports nothing: it sends commands through the client you pass.
 * @packageDocumentation
 */
import type { WebhookClaim, WebhookEventStore } from './eventStore.js'

/**
 * What {@link redisEventStore} needs of a client: node-redis's `sendCommand`, which a
 * `createClient()` client of node-redis 4, 5 or 6 has.
 */
export interface RedisCommandClient {
  /** Sends one command, e.g. `['SET', key, value]`, and resolves to its reply. */
  sendCommand(args: string[]): Promise<unknown>
}

/**
 * Options of {@link redisEventStore}.
 * @example
 * redisEventStore(redis, { prefix: 'shop:smartpay:' })
 */
export interface RedisEventStoreOptions {
  /**
   * Prepended to every key. Give each endpoint's handler its own when one Redis serves several:
   * Smartpay sends an event to every subscribed endpoint under the same id.
   * @default 'smartpay:webhook:'
   */
  prefix?: string | undefined
}

// A claim is a key holding its owner's token, expiring with the lease; a handled event holds
// 'handled'. Each script runs atomically in Redis, so no two servers both see a key as free.
const CLAIM = `if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 'claimed' end
if redis.call('GET', KEYS[1]) == 'handled' then return 'handled' end
return 'busy'`
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`

/**
 * A {@link WebhookEventStore} in Redis, shared by every server that uses the same Redis: each
 * event runs on one of them, once. Pass a connected node-redis client; the store adds no
 * dependency and never connects or quits it. Redis Cluster clients are not supported.
 * @example
 * import { createClient } from 'redis'
 * import { redisEventStore } from '@smartpay-kit/server-client/webhooks/redis'
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect()
 * export const POST = createWebhookHandler({ signingSecret, on, store: redisEventStore(redis) })
 */
export function redisEventStore(
  client: RedisCommandClient,
  options: RedisEventStoreOptions = {},
): WebhookEventStore {
  if (typeof client?.sendCommand !== 'function') {
    throw new TypeError(
      'redisEventStore needs a node-redis client (createClient() from "redis"), which has sendCommand.',
    )
  }
  const prefix = options.prefix ?? 'smartpay:webhook:'
  // Made at the first claim: Workers refuse randomness at a module's top level.
  let token: string | undefined
  const owner = () => {
    token ??= crypto.randomUUID()
    return token
  }
  const script = (source: string, key: string, ...args: string[]) =>
    client.sendCommand(['EVAL', source, '1', prefix + key, ...args])

  return {
    async claim(key, leaseMs) {
      return String(await script(CLAIM, key, owner(), String(leaseMs))) as WebhookClaim
    },
    async extend(key, leaseMs) {
      return Number(await script(EXTEND, key, owner(), String(leaseMs))) === 1
    },
    async complete(key, ttlMs) {
      await client.sendCommand(['SET', prefix + key, 'handled', 'PX', String(ttlMs)])
    },
    async release(key) {
      await script(RELEASE, key, owner())
    },
  }
}
