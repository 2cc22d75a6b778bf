import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, orderSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const create = (key?: string) =>
  h.call('POST', '/checkout-sessions', {
    body: orderSessionBody(),
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  })

describe('fault injection', () => {
  it('fails the next request with a status, body and headers, creating nothing', async () => {
    h.sandbox.inject({ kind: 'status', status: 429, headers: { 'retry-after': '1' } })
    const res = await create()
    expect(res.status).toBe(429)
    expect(res.headers.get('retry-after')).toBe('1')
    expect(res.headers.get('request-id')).toMatch(/^req_/)
    expect(res.json.statusCode).toBe(429)
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(0)
    expect((await create()).status).toBe(200)
  })

  it('fails a 500 without creating, so a retry with the same key creates exactly one', async () => {
    h.sandbox.inject({ kind: 'status', status: 500 })
    expect((await create('retry-1')).status).toBe(500)
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(0)
    const retry = await create('retry-1')
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotency-replayed')).toBeNull()
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
  })

  it('with after: true processes the request, then fails; the retry replays it', async () => {
    h.sandbox.inject({ kind: 'status', status: 503, after: true })
    expect((await create('retry-2')).status).toBe(503)
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
    const retry = await create('retry-2')
    expect(retry.status).toBe(200)
    expect(retry.headers.get('idempotency-replayed')).toBe('true')
    expect(retry.json.id).toBe(h.sandbox.objects('checkoutSession')[0]?.id)
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
  })

  it('matches method and path, and counts `times`', async () => {
    h.sandbox.inject({ kind: 'status', status: 502, method: 'GET', path: '/orders', times: 2 })
    expect((await create()).status).toBe(200)
    expect((await h.call('GET', '/orders')).status).toBe(502)
    expect((await h.call('GET', '/v1/coupons'.slice(3))).status).toBe(200)
    expect((await h.call('GET', '/orders')).status).toBe(502)
    expect((await h.call('GET', '/orders')).status).toBe(200)
  })

  it('matches path prefixes ending in *', async () => {
    h.sandbox.inject({ kind: 'status', status: 418, path: '/v1/orders/*' })
    expect((await h.call('GET', '/orders')).status).toBe(200)
    expect((await h.call('GET', '/orders/order_test_x')).status).toBe(418)
  })

  it('delays, then answers normally', async () => {
    h.sandbox.inject({ kind: 'delay', ms: 150 })
    const started = Date.now()
    const res = await h.call('GET', '/orders')
    expect(res.status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
  })

  it('delays and never answers with hang: true (the client times out)', async () => {
    h.sandbox.inject({ kind: 'delay', ms: 0, hang: true })
    const outcome = await h
      .call('POST', '/checkout-sessions', {
        body: orderSessionBody(),
        signal: AbortSignal.timeout(200),
      })
      .then(() => 'answered')
      .catch((error: Error) => error.name)
    expect(outcome).toBe('TimeoutError')
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(0)
    expect((await h.call('GET', '/orders')).status).toBe(200)
  })

  it('drops the connection without a response', async () => {
    h.sandbox.inject({ kind: 'drop' })
    await expect(create()).rejects.toThrow()
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(0)
  })

  it('sends a 200 with invalid JSON', async () => {
    h.sandbox.inject({ kind: 'malformed' })
    const res = await create()
    expect(res.status).toBe(200)
    expect(() => JSON.parse(res.text)).toThrow()
  })

  it('sends an HTML 502 like a proxy', async () => {
    h.sandbox.inject({ kind: 'malformed', variant: 'html' })
    const res = await h.call('GET', '/orders')
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(res.text).toContain('Bad Gateway')
  })

  it('redirects to an http:// URL', async () => {
    h.sandbox.inject({ kind: 'redirect' })
    const res = await h.call('GET', '/orders?maxResults=1')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe(
      `http://127.0.0.1:${h.sandbox.port}/v1/orders?maxResults=1`,
    )
    h.sandbox.inject({ kind: 'redirect', status: 307, location: 'http://127.0.0.1:1/x' })
    const custom = await h.call('GET', '/orders')
    expect(custom.status).toBe(307)
    expect(custom.headers.get('location')).toBe('http://127.0.0.1:1/x')
  })

  it('is available over HTTP at /__sandbox/faults', async () => {
    const added = await h.raw('POST', '/__sandbox/faults', {
      body: [{ kind: 'status', status: 500, path: '/checkout-sessions', times: 2 }],
    })
    expect(added.status).toBe(200)
    expect(added.json.data[0].remaining).toBe(2)
    expect((await create()).status).toBe(500)
    expect((await h.raw('GET', '/__sandbox/faults')).json.data[0].remaining).toBe(1)
    await h.raw('DELETE', '/__sandbox/faults')
    expect((await create()).status).toBe(200)
    const bad = await h.raw('POST', '/__sandbox/faults', { body: { kind: 'explode' } })
    expect(bad.status).toBe(400)
  })

  it('does not touch non-API paths', async () => {
    h.sandbox.inject({ kind: 'status', status: 500 })
    expect((await h.raw('GET', '/__sandbox/deliveries')).status).toBe(200)
    expect((await h.call('GET', '/orders')).status).toBe(500)
  })
})
