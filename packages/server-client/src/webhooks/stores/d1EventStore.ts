/**
 * @smartpay-kit/server-client/webhooks/d1 — a webhook event store in Cloudflare D1, for
 * handlers on Workers. Imports nothing: it queries the D1 binding you pass.
 * @packageDocumentation
 */
import type { WebhookClaim, WebhookEventStore } from './eventStore.js'

/** A prepared D1 statement, as {@link D1Queryable} makes it. */
export interface D1Statement {
  /** The statement with its parameters bound. */
  bind(...values: unknown[]): D1Statement
}

/** What {@link d1EventStore} needs of a D1 binding (`env.DB`): `prepare` and `batch`. */
export interface D1Queryable {
  /** Prepares one statement. */
  prepare(query: string): D1Statement
  /** Runs statements in order as one transaction; resolves to each one's rows. */
  batch(statements: D1Statement[]): Promise<{ results?: unknown[] }[]>
}

/**
 * Options of {@link d1EventStore}.
 * @example
 * d1EventStore(env.DB, { table: 'smartpay_webhook_events' })
 */
export interface D1EventStoreOptions {
  /**
   * The table, created on first use when it is missing (see {@link d1EventStoreSql}). Give each
   * endpoint's handler its own when one database serves several: Smartpay sends an event to
   * every subscribed endpoint under the same id.
   * @default 'smartpay_webhook_events'
   */
  table?: string | undefined
}

/**
 * The SQL that creates the store's table and its index, for a D1 migration.
 * @example
 * // migrations/0001_smartpay_webhook_events.sql holds: d1EventStoreSql()
 */
export function d1EventStoreSql(table = 'smartpay_webhook_events'): string {
  const name = checkTable(table)
  return `CREATE TABLE IF NOT EXISTS ${name} (key TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS ${name}_expires_at ON ${name} (expires_at);`
}

// Times come from the database's clock (ms), so Workers in every location agree on a lease.
const NOW = `CAST(unixepoch('subsec') * 1000 AS INTEGER)`
const PRUNE_EVERY_MS = 60_000

/**
 * A {@link WebhookEventStore} in Cloudflare D1, shared by every Worker bound to the database:
 * each event runs in one of them, once. D1 runs a database's statements one at a time, and a
 * claim is one batch (a transaction), so no two Workers both take an event. Workers KV cannot
 * do this: it is eventually consistent and has no atomic insert, so two Workers can both read
 * "not claimed" and both run the event.
 * @example
 * import { d1EventStore } from '@smartpay-kit/server-client/webhooks/d1'
 *
 * export default {
 *   fetch(request: Request, env: Env) {
 *     handler ??= createWebhookHandler({ signingSecret: env.SMARTPAY_WEBHOOK_SECRET, on, store: d1EventStore(env.DB) })
 *     return handler(request)
 *   },
 * }
 */
export function d1EventStore(
  db: D1Queryable,
  options: D1EventStoreOptions = {},
): WebhookEventStore {
  if (typeof db?.prepare !== 'function' || typeof db.batch !== 'function') {
    throw new TypeError('d1EventStore needs a D1 binding (env.DB), which has prepare and batch.')
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

  // Runs statements as one batch; creates the table first when it is missing.
  async function run(...statements: [string, ...unknown[]][]) {
    const batch = () =>
      db.batch(statements.map(([sql, ...values]) => db.prepare(sql).bind(...values)))
    try {
      return await batch()
    } catch (error) {
      if (!/no such table/.test(String((error as Error)?.message))) throw error
      created ??= db
        .batch(
          d1EventStoreSql(table)
            .split(';\n')
            .map((sql) => db.prepare(sql)),
        )
        .finally(() => {
          created = undefined
        })
      await created
      return await batch()
    }
  }

  return {
    async claim(key, leaseMs) {
      const [upsert, current] = await run(
        [
          `INSERT INTO ${name} (key, owner, expires_at) VALUES (?1, ?2, ${NOW} + ?3)
ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
WHERE ${name}.expires_at <= ${NOW} RETURNING owner`,
          key,
          owner(),
          leaseMs,
        ],
        [`SELECT owner FROM ${name} WHERE key = ?1`, key],
      )
      if (upsert?.results?.length) return 'claimed'
      const row = current?.results?.[0] as { owner?: string } | undefined
      return (row?.owner === 'handled' ? 'handled' : 'busy') satisfies WebhookClaim
    },
    async extend(key, leaseMs) {
      const [updated] = await run([
        `UPDATE ${name} SET expires_at = ${NOW} + ?3
WHERE key = ?1 AND owner = ?2 AND expires_at > ${NOW} RETURNING 1`,
        key,
        owner(),
        leaseMs,
      ])
      return updated?.results?.length === 1
    },
    async complete(key, ttlMs) {
      const statements: [string, ...unknown[]][] = [
        [
          `INSERT INTO ${name} (key, owner, expires_at) VALUES (?1, 'handled', ${NOW} + ?2)
ON CONFLICT (key) DO UPDATE SET owner = 'handled', expires_at = excluded.expires_at`,
          key,
          ttlMs,
        ],
      ]
      // Expired rows of other keys are never claimed again: delete them now and then.
      if (Date.now() - pruned >= PRUNE_EVERY_MS) {
        pruned = Date.now()
        statements.push([`DELETE FROM ${name} WHERE expires_at < ${NOW}`])
      }
      await run(...statements)
    },
    async release(key) {
      await run([`DELETE FROM ${name} WHERE key = ?1 AND owner = ?2`, key, owner()])
    },
  }
}

/** The table name, checked: it is written into the SQL, so only plain identifiers pass. */
function checkTable(table: string): string {
  if (/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) return table
  throw new TypeError(
    `table must be a plain SQLite name such as smartpay_webhook_events; got ${JSON.stringify(table)}.`,
  )
}
