import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authorizedOrder, type Harness, harness, orderSessionBody, SK_LIVE } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const create = (key: string, body = orderSessionBody(), apiKey?: string) =>
  h.call('POST', '/checkout-sessions', {
    body,
    headers: { 'idempotency-key': key },
    ...(apiKey ? { key: apiKey } : {}),
  })

describe('idempotency', () => {
  it('replays the first response for the same key and body, flagged, without a duplicate', async () => {
    const first = await create('key-1')
    expect(first.headers.get('idempotency-key')).toBe('key-1')
    expect(first.headers.get('idempotency-replayed')).toBeNull()
    const second = await create('key-1')
    expect(second.status).toBe(200)
    expect(second.json).toEqual(first.json)
    expect(second.headers.get('idempotency-replayed')).toBe('true')
    expect(second.headers.get('idempotency-key')).toBe('key-1')
    expect(second.headers.get('request-id')).not.toBe(first.headers.get('request-id'))
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
    expect(h.sandbox.objects('order')).toHaveLength(1)
  })

  it('answers 409 idempotency.key-reused to the same key with another body', async () => {
    await create('key-2')
    const res = await create('key-2', orderSessionBody({ amount: 2999 }))
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ statusCode: 409, errorCode: 'idempotency.key-reused' })
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
  })

  it('serializes concurrent requests with one key: exactly one object', async () => {
    const all = await Promise.all(Array.from({ length: 8 }, () => create('key-3')))
    expect(new Set(all.map((r) => r.json.id)).size).toBe(1)
    expect(all.filter((r) => r.headers.get('idempotency-replayed') === 'true')).toHaveLength(7)
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(1)
  })

  it('creates separate objects for different keys and no key', async () => {
    await create('a')
    await create('b')
    await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(3)
  })

  it('keeps one key space per API key', async () => {
    const test = await create('shared')
    const live = await create('shared', orderSessionBody(), SK_LIVE)
    expect(live.status).toBe(200)
    expect(live.headers.get('idempotency-replayed')).toBeNull()
    expect(live.json.id).not.toBe(test.json.id)
  })

  it('replays errors too, and PUT and DELETE calls', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    const cancel = () =>
      h.call('PUT', `/orders/${order.id}/cancellation`, {
        headers: { 'idempotency-key': 'cancel-1' },
      })
    const first = await cancel()
    const again = await cancel()
    expect(first.json.status).toBe('canceled')
    expect(again.status).toBe(200)
    expect(again.headers.get('idempotency-replayed')).toBe('true')
    const capture = () =>
      h.call('POST', '/payments', {
        body: { order: order.id, amount: 1, currency: 'JPY' },
        headers: { 'idempotency-key': 'capture-1' },
      })
    expect((await capture()).status).toBe(409)
    const replayed = await capture()
    expect(replayed.status).toBe(409)
    expect(replayed.headers.get('idempotency-replayed')).toBe('true')
  })

  it('ignores the key on GET', async () => {
    const a = await h.call('GET', '/orders', { headers: { 'idempotency-key': 'g' } })
    const b = await h.call('GET', '/orders', { headers: { 'idempotency-key': 'g' } })
    expect(b.headers.get('idempotency-replayed')).toBeNull()
    expect(a.status).toBe(200)
  })
})

describe('IdempotencyCache', () => {
  it('runs concurrent work for one key once, even when the work is slow', async () => {
    const { IdempotencyCache } = await import('../src/api/idempotency.js')
    const cache = new IdempotencyCache()
    let runs = 0
    const work = async () => {
      runs++
      await new Promise((resolve) => setTimeout(resolve, 20))
      return { status: 200, headers: {}, body: `{"n":${runs}}` }
    }
    const results = await Promise.all([1, 2, 3].map(() => cache.run('sk', 'k', 'print', work)))
    expect(runs).toBe(1)
    expect(results.map((r) => r.replayed)).toEqual([false, true, true])
    expect(new Set(results.map((r) => r.response.body)).size).toBe(1)
  })

  it('does not remember 5xx responses, so a retry runs again', async () => {
    const { IdempotencyCache } = await import('../src/api/idempotency.js')
    const cache = new IdempotencyCache()
    let runs = 0
    const work = async () => ({ status: runs++ === 0 ? 500 : 200, headers: {}, body: '' })
    expect((await cache.run('sk', 'k', 'p', work)).response.status).toBe(500)
    expect((await cache.run('sk', 'k', 'p', work)).response.status).toBe(200)
    expect(runs).toBe(2)
  })
})
