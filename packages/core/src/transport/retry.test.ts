import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/failure.js'
import { ConnectionError, RateLimitError, TimeoutError } from '../errors/errors.js'
import type { Transport } from './Connection.js'
import type { TransportOptions } from './options.js'
import { fast, serverPerTest, transportOn } from './testing/transportOn.js'

const server = serverPerTest()
const client = (options: TransportOptions = {}): Transport => transportOn(server, options)

describe('retries', () => {
  it.each([500, 502, 503, 504])(
    'retries a %i and reuses the same idempotency key',
    async (status) => {
      server.queue({ status, json: { statusCode: status } }, { status, json: {} })
      const { meta } = await client()
        .request({ method: 'POST', path: '/payments', body: { a: 1 } })
        .withMeta()
      const keys = server.requests.map((r) => r.headers['idempotency-key'])
      expect(keys).toHaveLength(3)
      expect(new Set(keys).size).toBe(1)
      expect(meta.idempotencyKey).toBe(keys[0])
      expect(meta.attempts).toBe(3)
      expect(server.requests.every((r) => r.body === '{"a":1}')).toBe(true)
    },
  )

  it.each([
    'Load failed (api.smartpay.co)',
    'Failed to fetch',
    'a message no runtime has used yet',
  ])(
    'retries a fetch that rejects with TypeError "%s", on a POST with the same key',
    async (message) => {
      let failures = 1
      const flaky: typeof fetch = (input, init) =>
        failures-- > 0 ? Promise.reject(new TypeError(message)) : server.fetch(input, init)
      const { meta } = await client({ fetch: flaky })
        .request({ method: 'POST', path: '/payments', body: {} })
        .withMeta()
      expect(meta.attempts).toBe(2)
      expect(server.requests).toHaveLength(1)
      expect(server.requests[0]?.headers['idempotency-key']).toBe(meta.idempotencyKey)
    },
  )

  it('gives up on a fetch that keeps rejecting, with ConnectionError naming the reason', async () => {
    let calls = 0
    const down: typeof fetch = () => {
      calls++
      return Promise.reject(new TypeError('Load failed (api.smartpay.co)'))
    }
    const error = await failure(
      client({ fetch: down, maxRetries: 2 }).request({ method: 'GET', path: '/orders' }),
    )
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toContain('Load failed (api.smartpay.co)')
    expect(calls).toBe(3)
  })

  it('does not retry what fetch throws that is not a network failure', async () => {
    let calls = 0
    const broken: typeof fetch = () => {
      calls++
      return Promise.reject(new RangeError('a bug in a fetch wrapper'))
    }
    const error = await failure(client({ fetch: broken }).request({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(calls).toBe(1)
  })

  it('retries a dropped connection on a POST with the same key', async () => {
    server.queue({ drop: true })
    await client().request({ method: 'POST', path: '/payments', body: {} })
    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toBe(keys[1])
  })

  it('does not retry 400, 401, 404 or 409', async () => {
    for (const status of [400, 401, 404, 409]) {
      server.reset()
      server.queue({ status, json: { statusCode: status } })
      await failure(client().request({ method: 'GET', path: '/x' }))
      expect(server.requests).toHaveLength(1)
    }
  })

  it('honours Retry-After on a 429', async () => {
    server.queue({ status: 429, json: {}, headers: { 'retry-after': '1' } })
    const started = Date.now()
    await client().request({ method: 'GET', path: '/x' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
    expect(server.requests).toHaveLength(2)
  })

  it('caps a long Retry-After', async () => {
    server.queue({ status: 429, json: {}, headers: { 'retry-after': '3600' } })
    // No stopwatch (a busy machine makes any bound wrong): an uncapped wait of an hour would
    // hold the call far past the test's timeout, so its second attempt succeeding is the cap.
    const { meta } = await client({ retry: { maxRetryAfterMs: 50 } })
      .request({ method: 'GET', path: '/x' })
      .withMeta()
    expect(meta.attempts).toBe(2)
    expect(server.requests).toHaveLength(2)
  })

  it('reads a Retry-After given as an HTTP date, and ends at the deadline when it is later', async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString()
    server.queue({ status: 503, json: {}, headers: { 'retry-after': inAnHour } })
    // Read as a date, the wait outlasts the 300 ms deadline: TimeoutError, one attempt. (Were
    // the date not understood, the fast backoff would retry and the call would succeed.)
    const error = await failure(
      client({ totalTimeout: 300, retry: { ...fast.retry, maxRetryAfterMs: 3_600_000 } }).request({
        method: 'GET',
        path: '/x',
      }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(server.requests).toHaveLength(1)
  })

  it('ends with RateLimitError when 429s outlast the retries', async () => {
    server.handle(() => ({
      status: 429,
      json: { statusCode: 429 },
      headers: { 'retry-after': '0' },
    }))
    const error = await failure(client({ maxRetries: 2 }).request({ method: 'GET', path: '/x' }))
    expect(error).toBeInstanceOf(RateLimitError)
    expect(server.requests).toHaveLength(3)
  })

  it('respects maxRetries per call', async () => {
    server.handle(() => ({ status: 503, json: {} }))
    await failure(
      client({ maxRetries: 5 }).request({ method: 'GET', path: '/x', options: { maxRetries: 0 } }),
    )
    expect(server.requests).toHaveLength(1)
  })
})
