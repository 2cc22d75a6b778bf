import { inspect } from 'node:util'
import * as v from 'valibot'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { failure, printed } from '../../../tests/support/failure.js'
import { startTestServer, type TestServer } from '../../../tests/support/httpsServer.js'
import {
  AbortError,
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  createReadTransport,
  createTransport,
  InsecureUrlError,
  isSmartpayError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  type RetryTuning,
  SmartpayError,
  TimeoutError,
  type Transport,
  type TransportOptions,
  UnexpectedResponseError,
  ValidationError,
} from '../src/index.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const BASIC = `Basic ${btoa(`${KEY}:`)}`
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

let server: TestServer
const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 } } satisfies TransportOptions

function client(options: TransportOptions = {}): Transport {
  return createTransport(KEY, 'basic', {
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    ...fast,
    ...options,
  })
}

/** Asserts the key appears in no form anywhere in the error. */
function expectNoKey(value: unknown): void {
  for (const dump of printed(value)) {
    expect(dump).not.toContain(KEY)
    expect(dump).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    expect(dump).not.toContain(btoa(`${KEY}:`))
    expect(dump.toLowerCase()).not.toContain('authorization')
  }
}

// A server per test: a request a previous test left in flight (an aborted or timed-out
// attempt reaches the server late on a busy machine) lands on that test's closed server, never
// in this test's record.
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.close())

describe('requests', () => {
  it('sends a GET with the Basic header, Accept JSON, the query, and no body or idempotency key', async () => {
    server.queue({ json: { id: 'order_test_1', object: 'order' } })
    const data = await client().request({
      method: 'GET',
      path: '/orders/order_test_1',
      query: { expand: 'all', maxResults: 5, pageToken: undefined },
    })
    expect(data).toEqual({ id: 'order_test_1', object: 'order' })
    const [req] = server.requests
    expect(req?.method).toBe('GET')
    expect(req?.path).toBe('/v1/orders/order_test_1')
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ expand: 'all', maxResults: '5' })
    expect(req?.headers.authorization).toBe(BASIC)
    expect(req?.headers.accept).toBe('application/json')
    expect(req?.headers['idempotency-key']).toBeUndefined()
    expect(req?.body).toBe('')
  })

  it('sends Bearer when asked', async () => {
    await client({ authScheme: 'bearer' }).request({ method: 'GET', path: '/x' })
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('sends a JSON body with a random UUID idempotency key on every mutating method', async () => {
    const api = client()
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await api.request({
        method,
        path: '/things',
        body: method === 'DELETE' ? undefined : { amount: 1 },
      })
    }
    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    for (const key of keys) expect(key).toMatch(UUID)
    expect(new Set(keys).size).toBe(4)
    expect(server.requests[0]?.headers['content-type']).toBe('application/json')
    expect(server.requests[0]?.json).toEqual({ amount: 1 })
  })

  it('uses the caller’s idempotency key and shows it on the result metadata', async () => {
    server.queue({
      json: { ok: true },
      headers: { 'request-id': 'req_123', 'idempotency-replayed': 'true' },
    })
    const { data, meta } = await client()
      .request({
        method: 'POST',
        path: '/payments',
        body: {},
        options: { idempotencyKey: 'order-42-capture' },
      })
      .withMeta()
    expect(data).toEqual({ ok: true })
    expect(server.requests[0]?.headers['idempotency-key']).toBe('order-42-capture')
    expect(meta).toMatchObject({
      status: 200,
      method: 'POST',
      path: '/payments',
      idempotencyKey: 'order-42-capture',
      idempotentReplayed: true,
      requestId: 'req_123',
      attempts: 1,
    })
  })

  it('resolves an empty 200 and a 204 to undefined', async () => {
    server.queue({ status: 200, text: '' }, { status: 204 })
    await expect(
      client().request({ method: 'PUT', path: '/tokens/paytok_test_1/enable' }),
    ).resolves.toBeUndefined()
    await expect(
      client().request({ method: 'DELETE', path: '/tokens/paytok_test_1' }),
    ).resolves.toBeUndefined()
  })

  it('uses an injected fetch', async () => {
    let calls = 0
    const counting: typeof fetch = (input, init) => {
      calls++
      return server.fetch(input, init)
    }
    await client({ fetch: counting }).request({ method: 'GET', path: '/x' })
    expect(calls).toBe(1)
  })
})

describe('validation before any I/O', () => {
  const Body = v.object({ amount: v.pipe(v.number(), v.integer(), v.minValue(0)) })

  it('refuses bad params with the field path and valibot issues, sending nothing', async () => {
    const error = await failure(
      client().request({
        method: 'POST',
        path: '/payments',
        body: { amount: -1 },
        bodySchema: Body,
      }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).field).toBe('amount')
    expect((error as ValidationError).issues[0]).toMatchObject({
      type: 'min_value',
      path: [{ key: 'amount' }],
    })
    expect(error.message).toContain('POST /payments')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses bad call options', async () => {
    const bad = [
      { timeout: -5 },
      { maxRetries: 1.5 },
      { idempotencyKey: 'has space' },
      { idempotencyKey: 'a\nb' },
    ]
    for (const options of bad) {
      await expect(
        client().request({ method: 'POST', path: '/x', options }),
      ).rejects.toBeInstanceOf(ValidationError)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('refuses bad client options and bad backoff tuning at construction', () => {
    const bad: TransportOptions[] = [
      { timeout: 0 },
      { maxRetries: 11 },
      { authScheme: 'digest' as never },
      { retry: { baseDelayMs: -1 } },
      { retry: { maxDelayMs: Number.POSITIVE_INFINITY } },
      { retry: { jitter: true } as never },
    ]
    for (const options of bad) {
      expect(() => createTransport(KEY, 'basic', options), JSON.stringify(options)).toThrow(
        ValidationError,
      )
    }
    expect(() => createTransport(KEY, 'basic', { retry: { jitter: true } as never })).toThrow(
      /"jitter".*one of baseDelayMs, maxDelayMs, maxRetryAfterMs/,
    )
  })

  it('keeps the default backoff for a tuning entry given as undefined', async () => {
    server.queue({ status: 503, json: {} })
    const api = createTransport(KEY, 'basic', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      // As a JavaScript caller, or one without exactOptionalPropertyTypes, may pass it.
      retry: { baseDelayMs: undefined, maxDelayMs: 8_000 } as unknown as RetryTuning,
    })
    const started = Date.now()
    await api.request({ method: 'GET', path: '/x' })
    // Equal jitter on the 500 ms default: the first wait is at least 250 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    expect(server.requests).toHaveLength(2)
  })

  it('refuses a non-https base URL at construction', () => {
    expect(() => createTransport(KEY, 'basic', { baseUrl: 'http://api.smartpay.co/v1' })).toThrow(
      InsecureUrlError,
    )
  })
})

describe('errors', () => {
  it.each([
    [400, BadRequestError, 'request.invalid'],
    [403, PermissionDeniedError, 'amount.insufficient'],
    [404, NotFoundError, 'order.not-found'],
    [409, ConflictError, 'order.cannot-capture'],
  ])('maps %i to its class with the API fields', async (status, ErrorClass, code) => {
    server.queue({
      status,
      json: { statusCode: status, errorCode: code, message: 'Nope', details: [{ field: 'x' }] },
      headers: { 'request-id': 'req_9' },
    })
    const error = await failure(client().request({ method: 'POST', path: '/payments', body: {} }))
    expect(error).toBeInstanceOf(ErrorClass)
    expect(error).toBeInstanceOf(SmartpayError)
    expect(error).toMatchObject({
      status,
      code,
      errorCode: code,
      details: [{ field: 'x' }],
      method: 'POST',
      path: '/payments',
      requestId: 'req_9',
    })
    expect(error.idempotencyKey).toMatch(UUID)
    expect(error.idempotencyKey).toBe(server.requests[0]?.headers['idempotency-key'])
    expect(error.message).toContain('Nope')
    expect(server.requests).toHaveLength(1)
    expectNoKey(error)
  })

  it('says on a 403 that this key may not make the call', async () => {
    server.queue({ status: 403, json: { statusCode: 403, errorCode: 'request.forbidden' } })
    const error = await failure(client().request({ method: 'GET', path: '/webhook-endpoints' }))
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect(error.message).toBe(
      '[HTTP 403 request.forbidden] GET /webhook-endpoints. This key may not make this call.',
    )
  })

  it('maps a 401 to AuthenticationError naming the key’s fingerprint, never the key', async () => {
    server.queue({ status: 401, json: { statusCode: 401, scheme: 'Basic', realm: 'smartpay' } })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(AuthenticationError)
    expect(error.code).toBeUndefined()
    expect(error.message).toMatch(/missing, wrong or outdated/)
    expect(error.message).toContain('The key sk_test_…1taz is missing')
    expectNoKey(error)
  })

  it('turns a non-JSON 502 into ApiServerError after retrying, never a resolved string', async () => {
    const html = {
      status: 502,
      text: '<html>Bad Gateway</html>',
      headers: { 'content-type': 'text/html' },
    }
    server.queue(html, html, html)
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(ApiServerError)
    expect(error.status).toBe(502)
    expect(error.details).toEqual({ body: '<html>Bad Gateway</html>' })
    expect(server.requests).toHaveLength(3)
  })

  it('redacts anything key-shaped that an error body echoes', async () => {
    server.queue({ status: 400, json: { errorCode: 'request.invalid', message: `bad key ${KEY}` } })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error.message).toContain('sk_test_…1taz')
    expectNoKey(error)
  })

  it('redacts a key that the API echoes in details', async () => {
    server.queue({ status: 400, json: { errorCode: 'request.invalid', details: [{ value: KEY }] } })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error.details).toEqual([{ value: 'sk_test_…1taz' }])
    expectNoKey(error)
  })

  it('redacts a key pasted as a field name or an option name', async () => {
    const Strict = v.strictObject({ amount: v.number() })
    const asField = await failure(
      client().request({
        method: 'POST',
        path: '/x',
        body: { amount: 1, [KEY]: 1 },
        bodySchema: Strict,
      }),
    )
    expect(asField).toBeInstanceOf(ValidationError)
    expect((asField as ValidationError).field).toBe('sk_test_…1taz')
    expectNoKey(asField)
    const asOption = await failure(
      client().request({ method: 'GET', path: '/x', options: { [KEY]: 1 } as never }),
    )
    expect(asOption).toBeInstanceOf(ValidationError)
    expectNoKey(asOption)
    expect(server.requests).toHaveLength(0)
  })

  it('treats a 2xx body that is not JSON as UnexpectedResponseError', async () => {
    server.queue({
      status: 200,
      text: '{"truncated',
      headers: { 'content-type': 'application/json' },
    })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(UnexpectedResponseError)
    expect(error.details).toEqual({ body: '{"truncated' })
  })

  it('keeps a key out of a malformed 2xx body it reports', async () => {
    server.queue({
      status: 200,
      text: `<pre>${KEY}</pre>`,
      headers: { 'content-type': 'text/html' },
    })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error.details).toEqual({ body: '<pre>sk_test_…1taz</pre>' })
    expect(error.cause).toBeUndefined()
    expectNoKey(error)
  })

  it('never follows a redirect: a 3xx is a RedirectError and nothing goes to Location', async () => {
    server.queue({ status: 302, headers: { location: `${server.origin}/elsewhere` } })
    const error = await failure(client().request({ method: 'POST', path: '/payments', body: {} }))
    expect(error).toBeInstanceOf(RedirectError)
    expect(error.message).toMatch(/never followed/)
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/payments'])
  })

  it('gives ConnectionError when the connection drops, after the retries', async () => {
    server.handle(() => ({ drop: true }))
    const error = await failure(
      client({ maxRetries: 1 }).request({ method: 'GET', path: '/orders' }),
    )
    expect(error).toBeInstanceOf(ConnectionError)
    // The reason under fetch's generic "fetch failed": the socket closed without an answer.
    expect(error.message).not.toMatch(/fetch failed\.$/)
    expect(error.message).toMatch(/closed|hang up|reset|terminated/i)
    expect(server.requests).toHaveLength(2)
    expectNoKey(error)
  })

  it('gives TimeoutError when an attempt is too slow', async () => {
    server.handle(() => ({ delayMs: 400, json: {} }))
    const error = await failure(
      client({ timeout: 50, maxRetries: 0 }).request({ method: 'GET', path: '/slow' }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('stops at the total deadline even with retries left', async () => {
    server.handle(() => ({ delayMs: 300, json: {} }))
    // No stopwatch: each attempt lasts its 100 ms timeout at least, so a 250 ms deadline leaves
    // room for three attempts of the eleven maxRetries allows, under any load. Counted at fetch,
    // since an attempt may time out before its request reaches the server.
    let attempts = 0
    const counting: typeof fetch = (input, init) => {
      attempts++
      return server.fetch(input, init)
    }
    const error = await failure(
      client({ fetch: counting, timeout: 100, totalTimeout: 250, maxRetries: 10 }).request({
        method: 'GET',
        path: '/slow',
      }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    expect(attempts).toBeGreaterThanOrEqual(1)
    expect(attempts).toBeLessThanOrEqual(3)
  })

  it('holds the deadline while the body stalls after the headers', async () => {
    server.handle(() => ({
      json: { id: 'order_test_1', padding: 'x'.repeat(64) },
      stallBody: true,
    }))
    // No stopwatch: with an hour per attempt, only the 300 ms deadline can end this call before
    // the test's own timeout does.
    const error = await failure(
      client({ timeout: 3_600_000, totalTimeout: 300 }).request({ method: 'GET', path: '/orders' }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
    // The headers came: no retry is made for a body that stalls.
    expect(server.requests).toHaveLength(1)
  })

  it('holds the per-attempt timeout while the body stalls', async () => {
    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    // No stopwatch: with an hour in total, only the 200 ms attempt timeout can end this call
    // before the test's own timeout does.
    const error = await failure(
      client({ timeout: 200, totalTimeout: 3_600_000 }).request({
        method: 'GET',
        path: '/orders',
        options: { maxRetries: 0 },
      }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('counts the wait for the headers against the attempt’s timeout when the body stalls', async () => {
    // A clock that jumps by the whole timeout while the headers come: the attempt has no time
    // left for its body. (Were the body given a fresh timeout, this call would wait 20 s.)
    const timeout = 20_000
    let skew = 0
    const now = Date.now.bind(Date)
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => now() + skew)
    const slowHeaders: typeof fetch = async (input, init) => {
      const response = await server.fetch(input, init)
      skew += timeout
      return response
    }
    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    try {
      const error = await failure(
        client({ fetch: slowHeaders, timeout, maxRetries: 0 }).request({
          method: 'GET',
          path: '/orders',
        }),
      )
      expect(error).toBeInstanceOf(TimeoutError)
      // The client gave up on the body and closed the connection, rather than leave it open.
      await server.requests[0]?.closed
      expect(server.requests).toHaveLength(1)
    } finally {
      clock.mockRestore()
    }
  })

  it('gives AbortError when the caller aborts while the body stalls', async () => {
    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    const controller = new AbortController()
    const pending = client().request({
      method: 'GET',
      path: '/orders',
      options: { signal: controller.signal },
    })
    setTimeout(() => controller.abort(), 100)
    expect(await failure(pending)).toBeInstanceOf(AbortError)
  })

  it('gives AbortError when the caller aborts, and sends nothing for an aborted signal', async () => {
    server.handle(() => ({ delayMs: 300, json: {} }))
    const controller = new AbortController()
    const pending = client().request({
      method: 'GET',
      path: '/slow',
      options: { signal: controller.signal },
    })
    setTimeout(() => controller.abort(), 30)
    expect(await failure(pending)).toBeInstanceOf(AbortError)
    const error = await failure(
      client().request({ method: 'GET', path: '/x', options: { signal: AbortSignal.abort() } }),
    )
    expect(error).toBeInstanceOf(AbortError)
    // By path: the aborted /slow may reach the server at any time, or never.
    expect(server.requests.filter((r) => r.path === '/v1/x')).toHaveLength(0)
  })

  it('keeps the key out of an inspected transport', () => {
    const dump = inspect(client(), { depth: 10, showHidden: true })
    expect(dump).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    expect(dump).toContain('sk_test_…1taz')
  })
})

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

describe('where AbortSignal.any is missing (Safari before 17.4, Chrome before 116)', () => {
  const any = AbortSignal.any
  beforeEach(() => {
    // biome-ignore lint/suspicious/noExplicitAny: removing a static the types say is there
    ;(AbortSignal as any).any = undefined
  })
  afterEach(() => {
    AbortSignal.any = any
  })

  it('makes calls with and without a signal', async () => {
    server.queue({ json: { id: 'order_test_1' } }, { json: { id: 'order_test_2' } })
    const api = client()
    expect(await api.request({ method: 'GET', path: '/orders/1' })).toEqual({ id: 'order_test_1' })
    const signal = new AbortController().signal
    const second = api.request({ method: 'GET', path: '/orders/2', options: { signal } })
    expect(await second).toEqual({ id: 'order_test_2' })
  })

  it('gives AbortError when the caller aborts, waiting or reading, and sends nothing when aborted', async () => {
    server.handle(() => ({ delayMs: 2_000, json: {} }))
    const controller = new AbortController()
    const waiting = client().request({
      method: 'GET',
      path: '/slow',
      options: { signal: controller.signal },
    })
    setTimeout(() => controller.abort(), 50)
    // An abort not honoured would resolve with the answer, 2 s later.
    expect(await failure(waiting)).toBeInstanceOf(AbortError)

    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    const reader = new AbortController()
    const reading = client().request({
      method: 'GET',
      path: '/stall',
      options: { signal: reader.signal },
    })
    setTimeout(() => reader.abort(), 100)
    expect(await failure(reading)).toBeInstanceOf(AbortError)

    server.reset()
    const options = { signal: AbortSignal.abort() }
    const error = await failure(client().request({ method: 'GET', path: '/x', options }))
    expect(error).toBeInstanceOf(AbortError)
    expect(server.requests).toHaveLength(0)
  })

  it('holds the deadline while the body stalls', async () => {
    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    const error = await failure(
      client({ totalTimeout: 300 }).request({ method: 'GET', path: '/orders' }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('leaves no listener behind on a long-lived signal', async () => {
    const { signal } = new AbortController()
    let listeners = 0
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++
      add(...args)
    }
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      listeners--
      remove(...args)
    }
    server.queue({ status: 404, json: { statusCode: 404 } })
    await failure(client().request({ method: 'GET', path: '/x', options: { signal } }))
    for (let i = 0; i < 3; i++)
      await client().request({ method: 'GET', path: '/x', options: { signal } })
    expect(listeners).toBe(0)
  })
})

describe('read transport', () => {
  const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
  const reader = (options: Record<string, unknown> = {}) =>
    createReadTransport(PUBLIC, 'bearer', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      ...options,
    })

  it('sends a GET with Bearer, the query, and no body or idempotency key', async () => {
    server.queue({ json: { id: 'checkout_test_1' } })
    const { data, meta } = await reader()
      .request({
        method: 'GET',
        path: '/checkout-sessions/checkout_test_1',
        query: { expand: 'all' },
      })
      .withMeta()
    expect(data).toEqual({ id: 'checkout_test_1' })
    expect(meta).toMatchObject({ status: 200, attempts: 1, idempotencyKey: undefined })
    const [req] = server.requests
    expect(req?.method).toBe('GET')
    expect(req?.path).toBe('/v1/checkout-sessions/checkout_test_1')
    expect(req?.query.get('expand')).toBe('all')
    expect(req?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
    expect(req?.headers['idempotency-key']).toBeUndefined()
  })

  it('retries and types its failures like the full transport', async () => {
    server.queue({ status: 503, json: {} }, { status: 404, json: { statusCode: 404 } })
    const error = await failure(reader().request({ method: 'GET', path: '/checkout-sessions/x' }))
    expect(error).toBeInstanceOf(NotFoundError)
    expect(server.requests).toHaveLength(2)
  })

  it('refuses the full transport’s options at construction', () => {
    for (const option of [
      { authScheme: 'basic' },
      { retry: { baseDelayMs: 1 } },
      { validateResponses: true },
    ]) {
      expect(() => reader(option), JSON.stringify(option)).toThrow(ValidationError)
    }
    expect(() => reader({ authScheme: 'basic' })).toThrow(
      /^Invalid client option "authScheme": expected one of baseUrl, timeout.*, got an unknown option\.$/,
    )
  })

  it('refuses an idempotency key per call, sending nothing', async () => {
    const options = { idempotencyKey: 'mine' } as never
    const error = await failure(reader().request({ method: 'GET', path: '/x', options }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toContain('"idempotencyKey"')
    expect(server.requests).toHaveLength(0)
  })
})

describe('isSmartpayError and instanceof', () => {
  it('work across two copies of core', async () => {
    vi.resetModules()
    const copy: typeof import('../src/index.js') = await import('../src/index.js')
    expect(copy.NotFoundError).not.toBe(NotFoundError)
    const foreign = new copy.NotFoundError('x', { status: 404 })
    expect(foreign).toBeInstanceOf(NotFoundError)
    expect(foreign).toBeInstanceOf(SmartpayError)
    expect(foreign).not.toBeInstanceOf(ConflictError)
    expect(isSmartpayError(foreign)).toBe(true)
    expect(isSmartpayError(new Error('plain'))).toBe(false)
    expect(new NotFoundError('x')).toBeInstanceOf(copy.SmartpayError)
  })
})
