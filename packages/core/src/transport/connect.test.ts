import { describe, expect, it, vi } from 'vitest'
import { failure } from '../../../../tests/support/failure.js'
import {
  AbortError,
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RedirectError,
  TimeoutError,
  UnexpectedResponseError,
} from '../errors/errors.js'
import { SmartpayError } from '../errors/SmartpayError.js'
import type { Transport } from './Connection.js'
import type { TransportOptions } from './options.js'
import { expectNoKey, KEY, serverPerTest, transportOn, UUID } from './testing/transportOn.js'

const server = serverPerTest()
const client = (options: TransportOptions = {}): Transport => transportOn(server, options)

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
})

describe('bodies', () => {
  it('reads a body in many chunks, a character split between two, as one text', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ description: '煎茶 100 g、静岡' }))
    // Three bytes at a time: every Japanese character (three bytes in UTF-8) straddles two.
    const chunked: typeof fetch = async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (let i = 1; i < bytes.length; i += 3) controller.enqueue(bytes.slice(i - 1, i + 2))
            controller.close()
          },
        }),
        { headers: { 'content-type': 'application/json' } },
      )
    const data = await client({ fetch: chunked }).request({ method: 'GET', path: '/x' })
    expect(data).toEqual({ description: '煎茶 100 g、静岡' })
  })
})

describe('deadlines and aborts', () => {
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
})
