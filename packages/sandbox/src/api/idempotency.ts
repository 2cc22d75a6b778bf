import { ApiError } from '../domain/errors.js'

/** A response as the pipeline keeps it for replays. */
export interface StoredResponse {
  status: number
  headers: Record<string, string>
  body: string
}

interface Entry {
  identity: string
  response: StoredResponse
  at: number
}

/** How long a key is remembered, as the API documents. */
const RETENTION_MS = 6 * 60 * 60 * 1000

/** Methods that honour `Idempotency-Key` (GET is idempotent by nature). */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * What identifies "the same request": method, path and the exact body. Kept whole rather than
 * hashed: it is compared only in memory, and this way no crypto is needed to compare it.
 */
export function requestIdentity(method: string, path: string, body: string): string {
  return `${method} ${path}\n${body}`
}

/**
 * Remembers the first response per (scope, key) and replays it; a different request under the
 * same key is a 409. Requests with the same key run one at a time, so a concurrent duplicate
 * waits for the first and then gets the replay instead of creating a second object.
 */
export class IdempotencyCache {
  readonly #entries = new Map<string, Entry>()
  readonly #locks = new Map<string, Promise<void>>()
  readonly #now: () => number

  /** `now` is the sandbox clock, so advancing it past 6 hours forgets keys. */
  constructor(now: () => number = Date.now) {
    this.#now = now
  }

  /** Runs `work` once per key and replays its response for later identical requests. */
  async run(
    scope: string,
    key: string,
    identity: string,
    work: () => Promise<StoredResponse>,
  ): Promise<{ response: StoredResponse; replayed: boolean }> {
    const id = `${scope}\u0000${key}`
    const previous = this.#locks.get(id) ?? Promise.resolve()
    let release = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const chain = previous.then(() => gate)
    this.#locks.set(id, chain)
    await previous
    try {
      const entry = this.#entries.get(id)
      if (entry && this.#now() - entry.at < RETENTION_MS) {
        if (entry.identity !== identity)
          throw new ApiError(
            409,
            'idempotency.key-reused',
            `Idempotency-Key "${key}" was already used for a different request (method, path or body differ). Use a new key for a new request.`,
          )
        return { response: entry.response, replayed: true }
      }
      const response = await work()
      // Server faults are not remembered, so a retry can succeed.
      if (response.status < 500) this.#entries.set(id, { identity, response, at: this.#now() })
      return { response, replayed: false }
    } finally {
      release()
      if (this.#locks.get(id) === chain) this.#locks.delete(id)
    }
  }

  /** Forgets every key. */
  clear(): void {
    this.#entries.clear()
  }
}
