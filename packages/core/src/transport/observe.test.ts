import diagnostics from 'node:diagnostics_channel'
import { inspect } from 'node:util'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../../tests/support/httpsServer.js'
import { NotFoundError } from '../errors/errors.js'
import { createReadTransport } from './createReadTransport.js'
import { createTransport } from './createTransport.js'
import { type RequestEvent, TRACING_CHANNEL } from './hooks.js'
import type { TransportOptions } from './options.js'
import { VERSION } from './userAgent.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const SECRET_PART = 'Ho1BrYTcg3gAX4vTKk1taz'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

function recorder() {
  const events: [string, RequestEvent][] = []
  const hooks = {
    onRequest: (e: RequestEvent) => void events.push(['request', e]),
    onRetry: (e: RequestEvent) => void events.push(['retry', e]),
    onResponse: (e: RequestEvent) => void events.push(['response', e]),
    onError: (e: RequestEvent) => void events.push(['error', e]),
  }
  return { events, hooks }
}

const client = (options: TransportOptions = {}) =>
  createTransport(KEY, 'basic', {
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  })

function expectNoKey(value: unknown): void {
  for (const dump of [JSON.stringify(value), inspect(value, { depth: 20, showHidden: true })]) {
    expect(dump).not.toContain(SECRET_PART)
    expect(dump).not.toContain(btoa(`${KEY}:`))
  }
}

describe('hooks', () => {
  it('tell each request, retry and the response, with status, attempt, ids and duration', async () => {
    server.queue(
      { status: 503, json: { statusCode: 503 }, headers: { 'request-id': 'req_1' } },
      { json: { id: 'cpn_test_1' }, headers: { 'request-id': 'req_2' } },
    )
    const { events, hooks } = recorder()
    await client({ hooks }).request({ method: 'POST', path: '/coupons', body: { name: 'x' } })
    expect(events.map(([kind, e]) => [kind, e.attempt, e.status])).toEqual([
      ['request', 1, undefined],
      ['retry', 2, 503],
      ['request', 2, undefined],
      ['response', 2, 200],
    ])
    const key = server.requests[0]?.headers['idempotency-key']
    for (const [, e] of events) {
      expect(e).toMatchObject({ method: 'POST', path: '/coupons', idempotencyKey: key })
      expect(e.durationMs).toBeGreaterThanOrEqual(0)
      expect(e.body).toBeUndefined()
    }
    expect(events[1]?.[1].requestId).toBe('req_1')
    expect(events[3]?.[1].requestId).toBe('req_2')
    expectNoKey(events)
  })

  it('tell the error after the retries, with the attempts made', async () => {
    server.queue({ status: 404, json: { statusCode: 404 }, headers: { 'request-id': 'req_9' } })
    const { events, hooks } = recorder()
    await expect(client({ hooks }).request({ method: 'GET', path: '/orders/x' })).rejects.toThrow(
      NotFoundError,
    )
    const [kind, e] = events.at(-1) ?? []
    expect(kind).toBe('error')
    expect(e).toMatchObject({ status: 404, attempt: 1, requestId: 'req_9' })
    expect(e?.error).toBeInstanceOf(NotFoundError)
    expectNoKey(events)
  })

  it('give bodies only with logBodies, key-shaped text redacted', async () => {
    server.queue({ json: { echoed: KEY } })
    const { events, hooks } = recorder()
    await client({ hooks, logBodies: true }).request({
      method: 'POST',
      path: '/coupons',
      // (A secret key is refused as a parameter before anything is sent; a public one is not.)
      body: { note: 'pk_test_PCLEGPw9RrKIAlRcK504Bj' },
    })
    expect(events[0]?.[1].body).toBe('{"note":"pk_test_…04Bj"}')
    expect(events[1]?.[1].body).toBe('{"echoed":"sk_test_…1taz"}')
    expectNoKey(events)
  })

  it('cannot change a call’s outcome by throwing', async () => {
    const boom = () => {
      throw new Error('logger down')
    }
    server.queue({ json: { ok: true } })
    const data = await client({ hooks: { onRequest: boom, onResponse: boom } }).request({
      method: 'GET',
      path: '/x',
    })
    expect(data).toEqual({ ok: true })
  })

  it('are refused when they are not functions, before anything is sent', () => {
    expect(() => client({ hooks: { onRequest: 'log' } as never })).toThrow(/"hooks"/)
    expect(() => client({ hooks: { onResponce: () => {} } as never })).toThrow(/"hooks"/)
  })
})

describe('User-Agent', () => {
  it('names the package, its version, the runtime and the app', async () => {
    await client({
      appInfo: { name: 'acme plugin', version: '1.4.0', url: 'https://acme.example' },
    }).request({ method: 'GET', path: '/x' })
    const agent = String(server.requests[0]?.headers['user-agent'])
    expect(agent).toBe(
      `smartpay-kit/${VERSION} ${globalThis.navigator?.userAgent ?? `Node.js/${process.versions.node}`} acme-plugin/1.4.0 (+https://acme.example)`,
    )
  })

  it('is not set by the read transport, whose requests must stay CORS-simple', async () => {
    await createReadTransport('pk_test_PCLEGPw9RrKIAlRcK504Bj', 'bearer', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
    }).request({ method: 'GET', path: '/x' })
    expect(String(server.requests[0]?.headers['user-agent'])).not.toContain('smartpay-kit')
  })
})

describe(`the ${TRACING_CHANNEL} tracing channel`, () => {
  it('traces each call, start to end, with its result and no key', async () => {
    const channel = diagnostics.tracingChannel(TRACING_CHANNEL)
    const seen: [string, Record<string, unknown>][] = []
    const subscribers = {
      start: (c: unknown) => void seen.push(['start', { ...(c as object) }]),
      end: () => {},
      asyncStart: () => {},
      asyncEnd: (c: unknown) => void seen.push(['asyncEnd', { ...(c as object) }]),
      error: (c: unknown) => void seen.push(['error', { ...(c as object) }]),
    }
    channel.subscribe(subscribers)
    try {
      server.queue({ json: { id: 'order_test_1' } }, { status: 404, json: { statusCode: 404 } })
      await client().request({ method: 'GET', path: '/orders/order_test_1' })
      await expect(client().request({ method: 'GET', path: '/orders/x' })).rejects.toThrow()
    } finally {
      channel.unsubscribe(subscribers)
    }
    expect(seen.map(([kind, c]) => [kind, c.method, c.path])).toEqual([
      ['start', 'GET', '/orders/order_test_1'],
      ['asyncEnd', 'GET', '/orders/order_test_1'],
      ['start', 'GET', '/orders/x'],
      ['error', 'GET', '/orders/x'],
      ['asyncEnd', 'GET', '/orders/x'],
    ])
    const ended = seen[1]?.[1].result as { meta: { status: number } }
    expect(ended.meta.status).toBe(200)
    expect(seen[3]?.[1].error).toBeInstanceOf(NotFoundError)
    expectNoKey(seen.map(([kind, c]) => [kind, { ...c, result: undefined, error: undefined }]))
  })

  it('carries metadata only, never a body, and no key the server echoed', async () => {
    const channel = diagnostics.tracingChannel(TRACING_CHANNEL)
    const ended: Record<string, unknown>[] = []
    const subscribers = {
      start: () => {},
      end: () => {},
      asyncStart: () => {},
      asyncEnd: (c: unknown) => void ended.push(c as Record<string, unknown>),
      error: () => {},
    }
    channel.subscribe(subscribers)
    try {
      server.queue({
        json: { id: 'order_test_1', note: 'secret body', echo: KEY },
        headers: { 'x-echo': `Bearer ${KEY}`, 'request-id': KEY.toUpperCase() },
      })
      const data = await client().request({ method: 'GET', path: '/orders/order_test_1' })
      expect(data).toMatchObject({ note: 'secret body' })
    } finally {
      channel.unsubscribe(subscribers)
    }
    const result = ended[0]?.result as { meta: { headers: Headers; requestId: string } }
    expect(Object.keys(result)).toEqual(['meta'])
    expect(result.meta.headers.get('x-echo')).toBe('sk_test_...1taz')
    expect(result.meta.requestId).toBe('sk_test_...1TAZ')
    const printed = inspect(ended, { depth: 20, showHidden: true, getters: true })
    expect(printed).not.toContain('secret body')
    expectNoKey(ended)
    expect(printed).not.toContain(SECRET_PART.toUpperCase())
  })
})
