import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type D1Queryable, d1EventStore, d1EventStoreSql } from './d1EventStore.js'
import { eventStoreContract } from './testing/eventStoreContract.js'

// D1 as workerd runs it (miniflare), reached through miniflare's binding proxy: every statement
// runs in workerd's D1, which, like Cloudflare's, runs one database's statements one at a time.
let mf: Miniflare
let db: D1Queryable

beforeAll(async () => {
  mf = new Miniflare({
    modules: true,
    script: 'export default { fetch: () => new Response(null, { status: 204 }) }',
    compatibilityDate: '2025-09-01',
    d1Databases: { DB: 'smartpay-webhook-events' },
  })
  db = (await mf.getD1Database('DB')) as unknown as D1Queryable
})
afterAll(async () => {
  await mf?.dispose()
})

eventStoreContract('d1EventStore', { shared: true, elsewhere: true }, () => ({
  open: () => d1EventStore(db),
  openElsewhere: () => d1EventStore(db, { table: 'elsewhere_events' }),
}))

describe('d1EventStore', () => {
  it('creates its table on first use, once, however many Workers start together', async () => {
    const stores = Array.from({ length: 6 }, () => d1EventStore(db, { table: 'fresh_events' }))
    const answers = await Promise.all(stores.map((store) => store.claim('evt_test_first', 60_000)))
    expect(answers.sort()).toEqual(['busy', 'busy', 'busy', 'busy', 'busy', 'claimed'])
  })

  it('uses a table made by a migration, with the SQL the docs give', async () => {
    const statements = d1EventStoreSql('migrated_events').split(';\n')
    await db.batch(statements.map((sql) => db.prepare(sql)))
    const store = d1EventStore(db, { table: 'migrated_events' })
    expect(await store.claim('evt_test_migrated', 60_000)).toBe('claimed')
  })

  it('refuses a table name it would have to quote', () => {
    for (const table of ['events; DROP TABLE x', 'main.events', '']) {
      expect(() => d1EventStore(db, { table })).toThrow(/plain SQLite name/)
    }
  })
})
