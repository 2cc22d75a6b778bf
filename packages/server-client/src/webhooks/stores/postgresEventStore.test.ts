import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PostgresServer, startPostgres } from '../../../../../tests/support/postgresServer.js'
import { postgresEventStore, postgresEventStoreSql } from './postgresEventStore.js'
import { eventStoreContract } from './testing/eventStoreContract.js'

// A real PostgreSQL (a new cluster in a temporary folder), through a pg 8 Pool.
let server: PostgresServer
let pool: pg.Pool

beforeAll(async () => {
  server = await startPostgres()
  pool = new pg.Pool({ connectionString: server.url, max: 30 })
  // Idle connections hear the server's shutdown after the tests (57P01), as pg's docs warn.
  pool.on('error', () => {})
})
afterAll(async () => {
  await pool?.end()
  await server?.stop()
})

eventStoreContract('postgresEventStore', { shared: true, elsewhere: true }, () => ({
  open: () => postgresEventStore(pool),
  openElsewhere: () => postgresEventStore(pool, { table: 'public.elsewhere_events' }),
}))

describe('postgresEventStore', () => {
  it('creates its table on first use, once, however many servers start together', async () => {
    // Several fresh tables, since the race between servers creating one is won differently
    // each time (the other server's catalog row or its row type is found first).
    for (const table of ['fresh_events', 'fresh_events_2', 'fresh_events_3', 'fresh_events_4']) {
      const stores = Array.from({ length: 8 }, () => postgresEventStore(pool, { table }))
      const answers = await Promise.all(
        stores.map((store) => store.claim('evt_test_first', 60_000)),
      )
      expect(answers.sort()).toEqual([
        'busy',
        'busy',
        'busy',
        'busy',
        'busy',
        'busy',
        'busy',
        'claimed',
      ])
      const { rows } = await pool.query(`SELECT key, owner <> 'handled' AS claimed FROM ${table}`)
      expect(rows).toEqual([{ key: 'evt_test_first', claimed: true }])
    }
  })

  it('uses a table made by your own migration, with the SQL the docs give', async () => {
    await pool.query(postgresEventStoreSql('migrated_events'))
    const store = postgresEventStore(pool, { table: 'migrated_events' })
    expect(await store.claim('evt_test_migrated', 60_000)).toBe('claimed')
    const { rows } = await pool.query(
      `SELECT indexname FROM pg_indexes WHERE tablename = 'migrated_events' ORDER BY 1`,
    )
    expect(rows.map((row) => row.indexname)).toEqual([
      'migrated_events_expires_at',
      'migrated_events_pkey',
    ])
  })

  it('refuses a table name it would have to quote', () => {
    for (const table of ['events; DROP TABLE x', 'a.b.c', '"quoted"', '']) {
      expect(() => postgresEventStore(pool, { table })).toThrow(/plain PostgreSQL name/)
    }
  })

  it('passes on errors other than a missing table', async () => {
    const broken = {
      query: () => Promise.reject(Object.assign(new Error('down'), { code: '57P01' })),
    }
    await expect(postgresEventStore(broken).claim('evt_test_x', 1000)).rejects.toThrow('down')
  })
})
