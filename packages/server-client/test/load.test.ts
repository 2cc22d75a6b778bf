import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { couponParams, sessionParams } from './proof/params.js'
import { stopwatch, useSandbox } from './proof/useSandbox.js'

// One client under load against the sandbox: many calls at once lose and duplicate nothing,
// even while the API fails some of them; many calls in a row leave the heap where it was.

const CALLS = 1_000
const FAULTS = 50

describe('1,000 concurrent creates through one client', () => {
  const h = useSandbox()

  it('each makes exactly one session, while 50 of them first meet a 503', async () => {
    h.sandbox.inject({
      kind: 'status',
      status: 503,
      method: 'POST',
      path: '/v1/checkout-sessions',
      times: FAULTS,
    })
    const client = h.client({
      timeout: 30_000,
      totalTimeout: 55_000,
      maxRetries: 10,
      retry: { baseDelayMs: 20, maxDelayMs: 200 },
    })
    const references = Array.from({ length: CALLS }, (_, i) => `LOAD-${i}`)
    const elapsed = stopwatch()
    const results = await Promise.all(
      references.map((reference) =>
        client.checkoutSessions.create(sessionParams(reference)).withMeta(),
      ),
    )
    const ms = elapsed()

    // Every call resolved with its own session and its own key.
    expect(results.map((r) => r.data.reference)).toEqual(references)
    const ids = new Set(results.map((r) => r.data.id))
    expect(ids.size).toBe(CALLS)
    expect(new Set(results.map((r) => r.meta.idempotencyKey)).size).toBe(CALLS)
    // The faults forced retries: one extra attempt per 503, and nothing else.
    const attempts = results.reduce((sum, r) => sum + r.meta.attempts, 0)
    expect(attempts).toBe(CALLS + FAULTS)
    expect(h.served.filter((entry) => entry.status === 503)).toHaveLength(FAULTS)
    expect(h.served).toHaveLength(CALLS + FAULTS)
    // The store agrees: no session lost, none made twice.
    const stored = h.sandbox.objects('checkoutSession')
    expect(stored).toHaveLength(CALLS)
    expect(new Set(stored.map((s) => s.id))).toEqual(ids)
    expect(stored.map((s) => s.reference).sort()).toEqual([...references].sort())
    expect(h.sandbox.objects('order')).toHaveLength(CALLS)
    console.log(`${CALLS} concurrent creates (${FAULTS} × 503) in ${Math.round(ms)} ms`)
    expect(ms).toBeLessThan(55_000)
  }, 60_000)
})

/** A `gc()` for this process, though vitest does not start it with --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc')
  return runInNewContext('gc') as () => void
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1)

describe('20,000 sequential calls', () => {
  // No request logs here: 20,000 entries of them would be the growth we measure.
  const h = useSandbox({ record: false })

  it('leave the heap flat', async () => {
    const gc = collector()
    const client = h.client()
    const { id } = await client.coupons.create(couponParams('Steady'))
    const measure = async (calls: number) => {
      for (let i = 0; i < calls; i++) await client.coupons.retrieve(id)
      gc()
      gc()
      return process.memoryUsage().heapUsed
    }
    const before = await measure(1_000)
    const elapsed = stopwatch()
    const after = await measure(20_000)
    console.log(
      `heap before ${megabytes(before)} MB, after ${megabytes(after)} MB (20,000 coupons.retrieve in ${Math.round(elapsed())} ms)`,
    )
    expect(after - before).toBeLessThan(10 * 1024 * 1024)
  }, 90_000)
})
