/**
 * Where verification remembers what it has seen, to recognise replays. Keys are short strings:
 * `delivery:<signature>` for a delivery {@link verifyWebhook} accepted, and the event id
 * (`evt_…`) for an event a {@link createWebhookHandler} handler handled. Both methods may be
 * async, so a store shared by several servers (Redis, Workers KV, a database table) fits.
 * @example
 * // Redis (node-redis): one key per entry, expiring by itself.
 * const seenEvents: SeenEventStore = {
 *   seen: async (key) => (await redis.exists(`smartpay:${key}`)) === 1,
 *   markSeen: async (key, ttlMs) => void (await redis.set(`smartpay:${key}`, '1', { PX: ttlMs })),
 * }
 */
export interface SeenEventStore {
  /** Whether `key` was marked and its time has not run out. */
  seen(key: string): boolean | Promise<boolean>
  /**
   * Remembers `key` for `ttlMs`: as long as a replay could still pass the timestamp check.
   * Keeping it longer is fine; forgetting it sooner lets a replay through.
   */
  markSeen(key: string, ttlMs: number): void | Promise<void>
}

/**
 * Options of {@link createMemorySeenEventStore}.
 * @example
 * createMemorySeenEventStore({ maxEntries: 100_000 })
 */
export interface MemorySeenEventStoreOptions {
  /**
   * Most keys kept at once; the oldest go first when it is full. 10,000 covers 30 deliveries a
   * second for the default 5-minute tolerance.
   * @default 10_000
   */
  maxEntries?: number | undefined
}

/**
 * A {@link SeenEventStore} in this process's memory: each key is kept for its `ttlMs`, and never
 * more than `maxEntries` of them. Enough for one server; several servers need a shared store.
 * @example
 * const seenEvents = createMemorySeenEventStore()
 * await verifyWebhook({ body, headers, signingSecret, seenEvents })
 */
export function createMemorySeenEventStore(
  options: MemorySeenEventStoreOptions = {},
): SeenEventStore {
  const maxEntries = options.maxEntries ?? 10_000
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`maxEntries must be a whole number ≥ 1; got ${maxEntries}.`)
  }
  // Key → expiry time (ms since the epoch), in insertion order, so the oldest is first.
  const expiries = new Map<string, number>()

  const prune = (now: number) => {
    for (const [key, expiry] of expiries) {
      // Entries expire roughly in insertion order; stop at the first live one instead of
      // scanning them all on every insert.
      if (expiry > now && expiries.size <= maxEntries) break
      expiries.delete(key)
    }
  }

  return {
    seen(key) {
      const expiry = expiries.get(key)
      if (expiry === undefined) return false
      if (expiry > Date.now()) return true
      expiries.delete(key)
      return false
    },
    markSeen(key, ttlMs) {
      const now = Date.now()
      expiries.delete(key) // re-inserted at the end: the newest
      expiries.set(key, now + Math.max(0, ttlMs))
      prune(now)
    },
  }
}
