import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Fault, FaultKind } from '@smartpay-kit/sandbox'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  ApiServerError,
  ConnectionError,
  RateLimitError,
  RedirectError,
  type ServerClientOptions,
  type SmartpayError,
  TimeoutError,
  UnexpectedResponseError,
} from '../src/index.js'
import { couponParams, sessionParams } from './proof/params.js'
import { stopwatch, useSandbox } from './proof/useSandbox.js'
import { failure, UUID } from './support.js'

// Every fault the sandbox can inject, against the real client: each call ends with a success
// after retries or with its documented error class, and every attempt of a call carries the
// same Idempotency-Key (read at the client's fetch, and shown by the sandbox replaying the first
// answer). No upper time bound: what ends a call is shown by its attempts and its error (only
// lower bounds are timed: a wait the API asked for), so a busy machine changes how long the file
// takes, never what it finds.

const h = useSandbox()
const MAX_RETRIES = 2
/**
 * Far above any answered attempt on a busy machine (they take milliseconds), so only a fault
 * makes an attempt time out, and the attempts a call reports are the faults' doing.
 */
const ATTEMPT_TIMEOUT = 2_000
const tuning: ServerClientOptions = {
  timeout: ATTEMPT_TIMEOUT,
  totalTimeout: 60_000,
  maxRetries: MAX_RETRIES,
  retry: { baseDelayMs: 20, maxDelayMs: 100, maxRetryAfterMs: 2_000 },
}
const client = (options: ServerClientOptions = {}) => h.client({ ...tuning, ...options })
const ON_COUPONS = { method: 'POST', path: '/v1/coupons' } as const
// Hung attempts each take ATTEMPT_TIMEOUT: a safety net far above, not a measure.
vi.setConfig({ testTimeout: 60_000 })

/** The call made `attempts` attempts, all with one key: the one it reports. */
function expectOneKey(key: string | undefined, attempts: number): void {
  expect(key).toMatch(UUID)
  expect(h.sent).toHaveLength(attempts)
  for (const sent of h.sent) expect(sent.idempotencyKey).toBe(key)
}

interface Transient {
  name: string
  fault: FaultKind
  error: abstract new (...args: never[]) => SmartpayError
  status?: number
  /** Each retry must wait at least this long (the Retry-After the fault sends). */
  waitMs?: number
}

const TRANSIENT: Transient[] = [
  ...[500, 502, 503, 504].map((status) => ({
    name: `HTTP ${status}`,
    fault: { kind: 'status', status } as const,
    error: ApiServerError,
    status,
  })),
  {
    name: 'HTTP 429 with Retry-After: 1',
    fault: { kind: 'status', status: 429, headers: { 'retry-after': '1' } },
    error: RateLimitError,
    status: 429,
    waitMs: 1_000,
  },
  { name: 'a dropped connection', fault: { kind: 'drop' }, error: ConnectionError },
  {
    name: 'no answer within the per-attempt timeout',
    fault: { kind: 'delay', ms: 0, hang: true },
    error: TimeoutError,
  },
  {
    name: "a proxy's HTML 502 page",
    fault: { kind: 'malformed', variant: 'html' },
    error: ApiServerError,
    status: 502,
  },
]

describe.each(TRANSIENT)('coupons.create meeting $name', ({ fault, error, status, waitMs }) => {
  it.each([1, 2])('recovers when it lasts %i attempt(s), keeping its key', async (times) => {
    h.sandbox.inject({ ...fault, ...ON_COUPONS, times })
    const elapsed = stopwatch()
    const { data, meta } = await client().coupons.create(couponParams('Spring')).withMeta()
    const ms = elapsed()
    expect(meta.attempts).toBe(times + 1)
    expectOneKey(meta.idempotencyKey, times + 1)
    expect(h.served.map((entry) => entry.fault)).toEqual([
      ...Array(times).fill(fault.kind),
      undefined,
    ])
    expect(h.sandbox.objects('coupon')).toEqual([data])
    // A lower bound holds under any load: the client waited as the API asked.
    if (waitMs) expect(ms).toBeGreaterThanOrEqual(times * waitMs - 50)
  })

  it(`ends with ${error.name} when it outlasts the retries, having created nothing`, async () => {
    h.sandbox.inject({ ...fault, ...ON_COUPONS, times: MAX_RETRIES + 1 })
    const thrown = await failure(client().coupons.create(couponParams('Spring')))
    expect(thrown).toBeInstanceOf(error)
    expect(thrown.status).toBe(status)
    expectOneKey(thrown.idempotencyKey, MAX_RETRIES + 1)
    expect(h.sandbox.objects('coupon')).toEqual([])
  })
})

describe('deadlines', () => {
  it('the total deadline ends a call whose attempts keep hanging, retries or not', async () => {
    h.sandbox.inject({ kind: 'delay', ms: 0, hang: true, ...ON_COUPONS, times: 20 })
    const elapsed = stopwatch()
    const thrown = await failure(
      client({ timeout: 300, totalTimeout: 1_000, maxRetries: 10 }).coupons.create(
        couponParams('Spring'),
      ),
    )
    const ms = elapsed()
    expect(thrown).toBeInstanceOf(TimeoutError)
    expect(ms).toBeGreaterThanOrEqual(950)
    // Each hung attempt lasts its 300 ms at least: the deadline, not the 11 attempts
    // maxRetries allows, ended the call.
    expect(h.sent.length).toBeLessThanOrEqual(4)
    expectOneKey(thrown.idempotencyKey, h.sent.length)
  })

  it('a Retry-After beyond the deadline ends the call by the deadline, not after the wait', async () => {
    // An hour's Retry-After, allowed in full: waiting it out would outlast the test, so the call
    // ending at all (with TimeoutError, after one attempt) shows the deadline cut the wait.
    h.sandbox.inject({ kind: 'status', status: 429, headers: { 'retry-after': '3600' }, times: 5 })
    const thrown = await failure(
      client({ totalTimeout: 1_000, retry: { maxRetryAfterMs: 3_600_000 } }).coupons.create(
        couponParams('Spring'),
      ),
    )
    expect(thrown).toBeInstanceOf(TimeoutError)
    expectOneKey(thrown.idempotencyKey, 1)
  })

  it('a slow attempt the server still completes after the client gave up creates one object', async () => {
    // The retry must be served while the first attempt still waits: its delay leaves the retry
    // seconds, not a few hundred milliseconds, past the attempt's timeout.
    h.sandbox.inject({ kind: 'delay', ms: ATTEMPT_TIMEOUT + 6_000, ...ON_COUPONS })
    const { data, meta } = await client().coupons.create(couponParams('Spring')).withMeta()
    expect(meta.attempts).toBe(2)
    expectOneKey(meta.idempotencyKey, 2)
    // The late first attempt reaches the API after the retry and gets the retry's answer.
    await expect.poll(() => h.served.length, { timeout: 30_000 }).toBe(2)
    expect(h.served.map((entry) => [entry.fault, entry.replayed ?? false])).toEqual([
      [undefined, false],
      ['delay', true],
    ])
    expect(h.sandbox.objects('coupon')).toEqual([data])
  })
})

describe('answers that are not retried', () => {
  it('a 200 with broken JSON is an UnexpectedResponseError, sent once, since the API did the work', async () => {
    // A 200 means the API processed the request; only its answer is unreadable. Retrying is not
    // a cure for a transient failure here, so the client reports it with the idempotency key,
    // which lets the caller fetch the real answer safely: the API replays it for that key.
    h.sandbox.inject({ kind: 'malformed', after: true, ...ON_COUPONS })
    const thrown = await failure(client().coupons.create(couponParams('Spring')))
    expect(thrown).toBeInstanceOf(UnexpectedResponseError)
    expect(thrown.status).toBe(200)
    expectOneKey(thrown.idempotencyKey, 1)
    const created = h.sandbox.objects('coupon')
    expect(created).toHaveLength(1)

    const again = await client()
      .coupons.create(couponParams('Spring'), { idempotencyKey: `${thrown.idempotencyKey}` })
      .withMeta()
    expect(again.meta.idempotentReplayed).toBe(true)
    expect(h.sandbox.objects('coupon')).toEqual(created)
    expect(again.data).toEqual(created[0])
  })

  describe('a redirect to plain HTTP', () => {
    let trap: Server
    const trapped: string[] = []
    beforeAll(async () => {
      trap = createServer((req, res) => {
        trapped.push(`${req.method} ${req.url}`)
        res.end('{}')
      })
      await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve))
    })
    afterAll(() => new Promise<void>((resolve) => trap.close(() => resolve())))
    const location = () => `http://127.0.0.1:${(trap.address() as AddressInfo).port}/v1/coupons`

    it.each([301, 302, 303, 307, 308])(
      'HTTP %i is a RedirectError, and nothing reaches the Location',
      async (status) => {
        h.sandbox.inject({ kind: 'redirect', status, location: location(), ...ON_COUPONS })
        const thrown = await failure(client().coupons.create(couponParams('Spring')))
        expect(thrown).toBeInstanceOf(RedirectError)
        expect(thrown.status).toBe(status)
        expectOneKey(thrown.idempotencyKey, 1)
        expect(h.served.map((entry) => entry.status)).toEqual([status])
        expect(trapped).toEqual([])
        expect(h.sandbox.objects('coupon')).toEqual([])
      },
    )

    it('a GET is not followed either', async () => {
      const coupon = await client().coupons.create(couponParams('Spring'))
      h.forget()
      h.sandbox.inject({ kind: 'redirect', location: location() })
      const thrown = await failure(client().coupons.retrieve(coupon.id))
      expect(thrown).toBeInstanceOf(RedirectError)
      expect(h.sent).toEqual([
        { method: 'GET', path: `/v1/coupons/${coupon.id}`, idempotencyKey: null },
      ])
      expect(trapped).toEqual([])
    })
  })
})

const AFTER_PROCESSING: [string, Fault][] = [
  ['a 500 after processing', { kind: 'status', status: 500, after: true }],
  ['a dropped answer after processing', { kind: 'drop', after: true }],
]

describe('a retried create never makes two objects', () => {
  it.each(AFTER_PROCESSING)('checkoutSessions.create, %s', async (_, fault) => {
    h.sandbox.inject({ ...fault, method: 'POST', path: '/v1/checkout-sessions' })
    const { data, meta } = await client()
      .checkoutSessions.create(sessionParams('ORDER-1'))
      .withMeta()
    const [session, ...others] = h.sandbox.objects('checkoutSession')
    expect(others).toEqual([])
    expect(h.sandbox.objects('order')).toHaveLength(1)
    // The answer is the stored session, with its order expanded.
    const { order, ...rest } = data
    const { order: orderId, ...stored } = session ?? {}
    expect(rest).toEqual(stored)
    expect(typeof order === 'object' ? order.id : order).toBe(orderId)
    expect(meta.attempts).toBe(2)
    expect(meta.idempotentReplayed).toBe(true)
    expectOneKey(meta.idempotencyKey, 2)
    expect(h.served.map((entry) => entry.replayed ?? false)).toEqual([false, true])
  })

  it.each(AFTER_PROCESSING)('payments.create (the capture), %s', async (_, fault) => {
    const session = await client().checkoutSessions.create(sessionParams('ORDER-2'))
    const { order } = h.sandbox.authorize(session.id)
    if (!order) throw new Error('the authorized session has no order')
    h.forget()
    h.sandbox.inject({ ...fault, method: 'POST', path: '/v1/payments' })
    const { data, meta } = await client()
      .payments.create({ order: order.id, amount: order.amount, currency: 'JPY' })
      .withMeta()
    expect(h.sandbox.objects('payment')).toEqual([data])
    expect(h.sandbox.objects('order')[0]?.payments).toEqual([data.id])
    expect(meta.attempts).toBe(2)
    expect(meta.idempotentReplayed).toBe(true)
    expectOneKey(meta.idempotencyKey, 2)
  })
})
