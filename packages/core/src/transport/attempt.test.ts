import { describe, expect, it } from 'vitest'
import { fetchAttempt } from './fetchAttempt.js'
import { kyAttempt } from './kyAttempt.js'
import { DEFAULTS, RETRY_DEFAULTS, type ReadCallOptions } from './options.js'
import { serverPerTest } from './testing/transportOn.js'
import { type Attempt, TIMED_OUT } from './wire.js'

// The Attempt contract, held by both: ky's (the server's) and fetch's own (the checkout
// page's). The engine above them retries, reads bodies and types errors the same for either.
const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
const server = serverPerTest()

/** What the attempt rejected with, or a failure if it resolved. */
async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the attempt to reject')
}

describe.each([
  ['kyAttempt', kyAttempt],
  ['fetchAttempt', fetchAttempt],
])('%s', (_, make) => {
  const attempt = (fetch: typeof globalThis.fetch = server.fetch): Attempt =>
    make(PUBLIC, {
      ...DEFAULTS,
      baseUrl: server.baseUrl,
      authScheme: 'bearer',
      retry: RETRY_DEFAULTS,
      fetch,
    })
  const get = (path: string, call: ReadCallOptions = {}, query?: Record<string, unknown>) => ({
    method: 'GET' as const,
    path,
    query: query as Record<string, string | number | boolean | undefined> | undefined,
    call,
  })

  it('sends the key, Accept JSON and the query, leaving out undefined entries', async () => {
    const query = { expand: 'all', maxResults: 5, test: true, pageToken: undefined, q: 'a b&c' }
    const response = await attempt()(get('/checkout-sessions/checkout_test_1', {}, query), 5_000)
    expect(response.status).toBe(200)
    const [req] = server.requests
    expect(req?.method).toBe('GET')
    expect(req?.path).toBe('/v1/checkout-sessions/checkout_test_1')
    expect(Object.fromEntries(req?.query ?? [])).toEqual({
      expand: 'all',
      maxResults: '5',
      test: 'true',
      q: 'a b&c',
    })
    expect(req?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
    expect(req?.headers.accept).toBe('application/json')
    expect(req?.headers['idempotency-key']).toBeUndefined()
  })

  it('resolves with the headers in, leaving the body to the engine', async () => {
    server.queue({ status: 503, json: { statusCode: 503 }, headers: { 'retry-after': '2' } })
    const response = await attempt()(get('/x'), 5_000)
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('2')
    expect(response.bodyUsed).toBe(false)
    expect(await response.json()).toEqual({ statusCode: 503 })
  })

  it('never follows a redirect: it resolves to the 3xx, and nothing goes to Location', async () => {
    server.queue({ status: 302, headers: { location: `${server.origin}/elsewhere` } })
    const response = await attempt()(get('/x'), 5_000)
    expect(response.status).toBe(302)
    expect(server.requests.map((r) => r.path)).toEqual(['/v1/x'])
  })

  it('rejects with TIMED_OUT when the headers do not come in time', async () => {
    server.handle(() => ({ delayMs: 2_000, json: {} }))
    expect(await rejection(attempt()(get('/slow'), 50))).toBe(TIMED_OUT)
  })

  it('rejects with what fetch threw when the network fails, never a wrapper', async () => {
    server.handle(() => ({ drop: true }))
    const dropped = await rejection(attempt()(get('/x'), 5_000))
    expect(dropped).toBeInstanceOf(TypeError)
    expect((dropped as Error).message).toBe('fetch failed')
    const thrown = new TypeError('Load failed (api.smartpay.co)')
    expect(await rejection(attempt(() => Promise.reject(thrown))(get('/x'), 5_000))).toBe(thrown)
  })

  it('ends the request in flight at the caller’s abort', async () => {
    server.handle(() => ({ delayMs: 2_000, json: {} }))
    const controller = new AbortController()
    const pending = attempt()(get('/slow', { signal: controller.signal }), 60_000)
    setTimeout(() => controller.abort(new Error('left the page')), 50)
    // Not TIMED_OUT: the engine tells an abort by the caller's signal, not by what this threw.
    expect(await rejection(pending)).not.toBe(TIMED_OUT)
    expect(controller.signal.aborted).toBe(true)
  })

  it('sends with a signal where AbortSignal.any is missing', async () => {
    const any = AbortSignal.any
    // biome-ignore lint/suspicious/noExplicitAny: removing a static the types say is there
    ;(AbortSignal as any).any = undefined
    try {
      const { signal } = new AbortController()
      const response = await attempt()(get('/x', { signal }), 5_000)
      expect(response.status).toBe(200)
    } finally {
      AbortSignal.any = any
    }
  })
})

describe('fetchAttempt', () => {
  it('calls the given fetch with the URL and a GET that follows no redirect', async () => {
    const calls: [RequestInfo | URL, RequestInit | undefined][] = []
    const recording: typeof fetch = (input, init) => {
      calls.push([input, init])
      return server.fetch(input, init)
    }
    const attempt = fetchAttempt(PUBLIC, {
      ...DEFAULTS,
      baseUrl: server.baseUrl,
      authScheme: 'bearer',
      retry: RETRY_DEFAULTS,
      fetch: recording,
    })
    await attempt({ method: 'GET', path: '/x', query: { expand: 'all' }, call: {} }, 5_000)
    expect(calls).toHaveLength(1)
    expect(calls[0]?.[0]).toBe(`${server.baseUrl}/x?expand=all`)
    expect(calls[0]?.[1]).toMatchObject({ method: 'GET', redirect: 'manual' })
    expect(calls[0]?.[1]?.body).toBeUndefined()
  })
})
