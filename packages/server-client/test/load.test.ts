import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { trustingFetch } from '../../../tests/support/trustingFetch'
import { couponParams, sessionParams } from './proof/params.js'
import { useSandbox } from './proof/useSandbox.js'

// One client under load against the sandbox: many calls at once lose and duplicate nothing,
// even while the API fails some of them; many calls in a row do not grow the heap.
// Nothing here depends on how fast the machine is: on a busy one, attempts may also time out
// or lose their connection, and each such attempt must then be accounted for like a 503.

const CALLS = 1_000
const FAULTS = 50
/** Rounds of sequential calls, and calls a round, for the heap test. */
const ROUNDS = 9
const ROUND = 2_000

/** How one attempt ended, as the client's `fetch` saw it. */
interface Attempt {
  idempotencyKey: string | undefined
  /** The HTTP status, or the name of what the fetch threw (a timeout, a lost connection). */
  outcome: number | string
}

describe('1,000 concurrent creates through one client', () => {
  const h = useSandbox()

  it('each makes exactly one session, and every extra attempt has a cause', async () => {
    h.sandbox.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: '/v1/checkout-sessions',
      times: FAULTS,
    })
    const trusted = trustingFetch(h.sandbox.ca)
    const attempts: Attempt[] = []
    const observed: typeof fetch = async (input, init) => {
      const idempotencyKey =
        new Headers((input as Request).headers).get('idempotency-key') ?? undefined
      try {
        const response = await trusted(input, init)
        attempts.push({ idempotencyKey, outcome: response.status })
        return response
      } catch (error) {
        attempts.push({ idempotencyKey, outcome: (error as Error).name })
        throw error
      }
    }
    // Deadlines far beyond any attempt, so that load alone does not exhaust the retries.
    const client = h.client({
      fetch: observed,
      timeout: 300_000,
      totalTimeout: 600_000,
      maxRetries: 10,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    })
    const references = Array.from({ length: CALLS }, (_, i) => `LOAD-${i}`)
    const results = await Promise.all(
      references.map((reference) =>
        client.checkoutSessions.create(sessionParams(reference)).withMeta(),
      ),
    )

    // Every call resolved with its own session and its own idempotency key.
    expect(results.map((r) => r.data.reference)).toEqual(references)
    const ids = new Set(results.map((r) => r.data.id))
    expect(ids.size).toBe(CALLS)
    const keys = results.map((r) => r.meta.idempotencyKey)
    expect(new Set(keys).size).toBe(CALLS)

    // Every attempt belongs to a call, and each call made the attempts it reports.
    const byKey = new Map<string | undefined, Attempt[]>()
    for (const a of attempts)
      byKey.set(a.idempotencyKey, [...(byKey.get(a.idempotencyKey) ?? []), a])
    expect([...byKey.keys()].sort()).toEqual([...keys].sort())
    for (const { meta } of results) {
      expect(byKey.get(meta.idempotencyKey)).toHaveLength(meta.attempts)
    }
    // Each extra attempt is explained: the one before it got a 503 (the injected faults) or
    // threw (timed out or lost its connection). Every call ended in a success.
    const unexplained = attempts.filter(
      (a) => typeof a.outcome === 'number' && a.outcome !== 503 && a.outcome !== 200,
    )
    expect(unexplained).toEqual([])
    for (const key of keys) {
      expect(byKey.get(key)?.some((a) => a.outcome === 200)).toBe(true)
    }
    const extra = results.reduce((sum, r) => sum + r.meta.attempts - 1, 0)
    const failed = attempts.filter((a) => a.outcome !== 200)
    expect(extra).toBe(failed.length)
    // Every injected 503 was served once, reached the client and was retried.
    expect(h.served.filter((entry) => entry.status === 503)).toHaveLength(FAULTS)
    expect(attempts.filter((a) => a.outcome === 503)).toHaveLength(FAULTS)

    // The server made one session per call: any repeat of a call that had reached it was
    // answered from its idempotency record, not made again.
    const created = h.served.filter((entry) => entry.status === 200 && !entry.replayed)
    expect(created).toHaveLength(CALLS)
    const stored = h.sandbox.objects('checkoutSession')
    expect(stored).toHaveLength(CALLS)
    expect(new Set(stored.map((s) => s.id))).toEqual(ids)
    expect(stored.map((s) => s.reference).sort()).toEqual([...references].sort())
    expect(h.sandbox.objects('order')).toHaveLength(CALLS)
  }, 600_000)
})

/** A `gc()` for this process, though vitest does not start it with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

describe('20,000 sequential calls', () => {
  // No request logs here: 20,000 entries of them would be the growth we measure.
  const h = useSandbox({ record: false })

  it('leave the heap flat', async () => {
    const gc = collector()
    const client = h.client()
    const { id } = await client.coupons.create(couponParams('Steady'))
    const heapAfter = async (calls: number) => {
      for (let i = 0; i < calls; i++) await client.coupons.retrieve(id)
      gc()
      gc()
      return process.memoryUsage().heapUsed
    }
    await heapAfter(ROUND) // warm-up: first connections, compiled code, caches
    const samples = [await heapAfter(ROUND)]
    for (let round = 0; round < ROUNDS; round++) samples.push(await heapAfter(ROUND))
    // A leak grows the heap in every round; what a busy machine adds (code the JIT optimises
    // late, a cache that fills once) lands in a few rounds only. So the median round's growth
    // is the leak: under 100 bytes a call. The allocator's own noise is ±1–2 MB a round
    // either way, which a median of nine rounds does not follow.
    const growth = samples.slice(1).map((heap, i) => heap - (samples[i] as number))
    const median = growth.sort((a, b) => a - b)[(ROUNDS - 1) / 2] as number
    expect(median / ROUND).toBeLessThan(100)
  }, 600_000)
})
