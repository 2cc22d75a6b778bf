import type { WebhookClaim, WebhookEventStore } from './eventStore.js'

/**
 * Options of {@link memoryEventStore}.
 * @example
 * memoryEventStore({ maxEntries: 500_000 })
 */
export interface MemoryEventStoreOptions {
  /**
   * Most keys kept at once; the oldest goes first when it is full. Each handled event is kept
   * 72 hours, so 100,000 covers about one event every 2.6 seconds, around the clock.
   * @default 100_000
   */
  maxEntries?: number | undefined
}

/** A claim (by its owner) or a completion, until `expires` (ms since the epoch). */
interface Entry {
  owner: symbol | 'handled'
  expires: number
}

/**
 * A {@link WebhookEventStore} in this process's memory: the default, enough for one server.
 * Several servers, or serverless instances, need a shared store (Redis, PostgreSQL, D1).
 * @example
 * createWebhookHandler({ signingSecret, on, store: memoryEventStore({ maxEntries: 500_000 }) })
 */
export function memoryEventStore(options: MemoryEventStoreOptions = {}): WebhookEventStore {
  const maxEntries = options.maxEntries ?? 100_000
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new TypeError(`maxEntries must be a whole number ≥ 1; got ${maxEntries}.`)
  }
  const owner = Symbol('owner')
  // Key → entry, in insertion order, so the oldest is first.
  const entries = new Map<string, Entry>()

  const live = (key: string, now = Date.now()): Entry | undefined => {
    const entry = entries.get(key)
    if (entry === undefined || entry.expires > now) return entry
    entries.delete(key)
    return undefined
  }
  const put = (key: string, entry: Entry) => {
    entries.delete(key) // re-inserted at the end: the newest
    entries.set(key, entry)
    // Full: the oldest key goes, which is usually a long-completed event.
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string)
  }

  return {
    claim(key, leaseMs): WebhookClaim {
      const now = Date.now()
      const entry = live(key, now)
      if (entry) return entry.owner === 'handled' ? 'handled' : 'busy'
      put(key, { owner, expires: now + leaseMs })
      return 'claimed'
    },
    extend(key, leaseMs) {
      const entry = live(key)
      if (entry?.owner !== owner) return false
      entry.expires = Date.now() + leaseMs
      return true
    },
    complete(key, ttlMs) {
      put(key, { owner: 'handled', expires: Date.now() + ttlMs })
    },
    release(key) {
      if (live(key)?.owner === owner) entries.delete(key)
    },
  }
}
