/**
 * @smartpay-kit/server-client/webhooks/postgres — a webhook event store in PostgreSQL, through
 * your own `pg` Pool. Imports nothing: it sends its queries through the pool you pass.
 * @packageDocumentation
 */
import type { WebhookClaim, WebhookEventStore } from './eventStore.js'

/** What {@link postgresEventStore} needs of a pool: `query`, as a `pg` 8 `Pool` or `Client` has. */
export interface PostgresQueryable {
  /** Runs one parameterised statement and resolves to its rows. */
  query(text: string, values: unknown[]): Promise<{ rows: unknown[] }>
}

/**
 * Options of {@link postgresEventStore}.
 * @example
 * postgresEventStore(pool, { table: 'billing.smartpay_webhook_events' })
 */
export interface PostgresEventStoreOptions {
  /**
   * The table, optionally schema-qualified. Created on first use when it is missing (see
   * {@link postgresEventStoreSql} to create it in your own migrations). Give each endpoint's
   * handler its own when one database serves several: Smartpay sends an event to every
   * subscribed endpoint under the same id.
   * @default 'smartpay_webhook_events'
   */
  table?: string | undefined
}

/**
 * The SQL that creates the store's table and its index, for your own migrations.
 * @example
 * await pool.query(postgresEventStoreSql('smartpay_webhook_events'))
 */
export function postgresEventStoreSql(table = 'smartpay_webhook_events'): string {
  const name = checkTable(table)
  return `CREATE TABLE IF NOT EXISTS ${name} (
  key text PRIMARY KEY,
  owner text NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS ${name.split('.').at(-1)}_expires_at ON ${name} (expires_at);`
}

// Times come from the database's clock, so servers whose clocks differ still agree on a lease.
const at = (param: string) => `clock_timestamp() + ${param}::float8 * interval '1 millisecond'`
const UNDEFINED_TABLE = '42P01'
// Another server created it meanwhile: unique_violation (on the catalog), duplicate_table, or
// duplicate_object ("type … already exists": the table's row type, when the other server
// committed between this one's IF NOT EXISTS check and its own creation of the type).
const RACE = new Set<unknown>(['23505', '42P07', '42710'])
const PRUNE_EVERY_MS = 60_000

/**
 * A {@link WebhookEventStore} in PostgreSQL, shared by every server that uses the same
 * database: each event runs on one of them, once. A claim is one atomic upsert, so no two
 * servers both take an event. Pass a `pg` Pool; the store adds no dependency and never ends it.
 * @example
 * import pg from 'pg'
 * import { postgresEventStore } from '@smartpay-kit/server-client/webhooks/postgres'
 *
 * const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL })
 * export const POST = createWebhookHandler({ signingSecret, on, store: postgresEventStore(pool) })
 */
export function postgresEventStore(
  pool: PostgresQueryable,
  options: PostgresEventStoreOptions = {},
): WebhookEventStore {
  if (typeof pool?.query !== 'function') {
    throw new TypeError('postgresEventStore needs a pg Pool (new pg.Pool()), which has query.')
  }
  const table = options.table ?? 'smartpay_webhook_events'
  const name = checkTable(table)
  // Made at the first claim: Workers refuse randomness at a module's top level.
  let token: string | undefined
  const owner = () => {
    token ??= crypto.randomUUID()
    return token
  }
  let created: Promise<unknown> | undefined
  let pruned = Date.now()

  // Runs a statement; creates the table and runs it again if the table is missing.
  async function query(text: string, values: unknown[]): Promise<unknown[]> {
    try {
      return (await pool.query(text, values)).rows
    } catch (error) {
      if ((error as { code?: unknown })?.code !== UNDEFINED_TABLE) throw error
      created ??= pool.query(postgresEventStoreSql(table), []).catch((failure: unknown) => {
        created = undefined
        // Two servers creating it at once: one loses the race, and the table is there.
        if (!RACE.has((failure as { code?: unknown })?.code)) throw failure
      })
      await created
      return (await pool.query(text, values)).rows
    }
  }

  return {
    async claim(key, leaseMs) {
      // The outer SELECT sees the row as it was before this statement: held or handled.
      const [row] = await query(
        `WITH claimed AS (
  INSERT INTO ${name} AS e (key, owner, expires_at) VALUES ($1, $2, ${at('$3')})
  ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
  WHERE e.expires_at <= clock_timestamp()
  RETURNING 1
)
SELECT CASE WHEN EXISTS (SELECT FROM claimed) THEN 'claimed'
  WHEN (SELECT owner FROM ${name} WHERE key = $1) = 'handled' THEN 'handled'
  ELSE 'busy' END AS claim`,
        [key, owner(), leaseMs],
      )
      return (row as { claim: WebhookClaim }).claim
    },
    async extend(key, leaseMs) {
      const rows = await query(
        `UPDATE ${name} SET expires_at = ${at('$3')}
WHERE key = $1 AND owner = $2 AND expires_at > clock_timestamp() RETURNING 1`,
        [key, owner(), leaseMs],
      )
      return rows.length === 1
    },
    async complete(key, ttlMs) {
      await query(
        `INSERT INTO ${name} (key, owner, expires_at) VALUES ($1, 'handled', ${at('$2')})
ON CONFLICT (key) DO UPDATE SET owner = 'handled', expires_at = excluded.expires_at`,
        [key, ttlMs],
      )
      // Expired rows of other keys are never claimed again: delete them now and then.
      if (Date.now() - pruned < PRUNE_EVERY_MS) return
      pruned = Date.now()
      await query(`DELETE FROM ${name} WHERE expires_at < clock_timestamp()`, []).catch(() => {})
    },
    async release(key) {
      await query(`DELETE FROM ${name} WHERE key = $1 AND owner = $2`, [key, owner()])
    },
  }
}

/** The table name, checked: it is written into the SQL, so only plain identifiers pass. */
function checkTable(table: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,62}(\.[A-Za-z_][A-Za-z0-9_]{0,62})?$/.test(table)) return table
  throw new TypeError(
    `table must be a plain PostgreSQL name such as smartpay_webhook_events or billing.webhook_events; got ${JSON.stringify(table)}.`,
  )
}
