import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { authorizedOrder, type Harness, harness, orderSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const capture = (order: string, amount: number, extra: Record<string, unknown> = {}) =>
  h.call('POST', '/payments', { body: { order, amount, currency: 'JPY', ...extra } })

describe('checkout sessions', () => {
  it('creates a session with its order expanded, in requires_authorization', async () => {
    const res = await h.call('POST', '/checkout-sessions', {
      body: orderSessionBody({ metadata: { cart: '42' } }),
    })
    expect(res.status).toBe(200)
    const session = res.json
    expect(session).toMatchObject({
      object: 'checkoutSession',
      test: true,
      metadata: { cart: '42' },
    })
    expect(session.id).toMatch(/^checkout_test_[0-9A-Za-z]{22}$/)
    expect(session.url).toBe(`${h.sandbox.url}/checkout/${session.id}`)
    expect(typeof session.createdAt).toBe('number')
    expect(session.createdAt).toBeGreaterThan(1_600_000_000_000)
    expect(session.order).toMatchObject({
      object: 'order',
      status: 'requires_authorization',
      amount: 3000,
    })
    expect(session.order.id).toMatch(/^order_test_[0-9A-Za-z]{22}$/)
    expect(session.order.lineItems[0].id).toMatch(/^li_test_[0-9A-Za-z]{22}$/)
    expect(session.order.lineItems[0].price.product.name).toBe('Green tea')
  })

  it('returns ids on retrieve, and objects with expand=all', async () => {
    const created = (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json
    const plain = (await h.call('GET', `/checkout-sessions/${created.id}`)).json
    expect(plain.order).toBe(created.order.id)
    const expanded = (await h.call('GET', `/checkout-sessions/${created.id}?expand=all`)).json
    expect(expanded.order.id).toBe(created.order.id)
    expect(expanded.order.lineItems[1].price.product.name).toBe('Teapot')
    const order = (await h.call('GET', `/orders/${created.order.id}`)).json
    expect(order.lineItems).toEqual(created.order.lineItems.map((li: { id: string }) => li.id))
    const no = (await h.call('GET', `/orders/${created.order.id}?expand=no`)).json
    expect(typeof no.lineItems[0]).toBe('string')
  })

  it('expands references in lists with expand=all', async () => {
    const { order } = await authorizedOrder(h)
    const payments = (await h.call('GET', '/payments?expand=all')).json
    expect(payments.data[0].order.id).toBe(order.id)
    const plain = (await h.call('GET', '/payments')).json
    expect(plain.data[0].order).toBe(order.id)
  })
})

describe('authorization', () => {
  it('captures the full amount automatically by default: succeeded with one payment', async () => {
    const { order } = await authorizedOrder(h)
    expect(order.status).toBe('succeeded')
    const payments = h.sandbox.objects('payment')
    expect(payments).toHaveLength(1)
    expect(payments[0]).toMatchObject({ order: order.id, amount: 3000, status: 'processed' })
    expect(payments[0]?.id).toMatch(/^payment_test_/)
  })

  it('leaves a manual-capture order in requires_capture', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    expect(order.status).toBe('requires_capture')
    expect(h.sandbox.objects('payment')).toHaveLength(0)
  })

  it('cannot authorize twice', async () => {
    const { session } = await authorizedOrder(h)
    expect(() => h.sandbox.authorize(session.id)).toThrow(/not requires_authorization/)
  })
})

describe('captures', () => {
  it('cancels the remainder after a partial capture by default', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    const res = await capture(order.id, 1000)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ object: 'payment', amount: 1000, order: order.id })
    expect((await h.call('GET', `/orders/${order.id}`)).json.status).toBe('succeeded')
    const again = await capture(order.id, 500)
    expect(again.status).toBe(409)
    expect(again.json.errorCode).toBe('order.cannot-capture')
  })

  it('allows further partial captures with cancelRemainder manual, up to the amount', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    expect((await capture(order.id, 1000, { cancelRemainder: 'manual' })).status).toBe(200)
    expect((await h.call('GET', `/orders/${order.id}`)).json.status).toBe('requires_capture')
    const over = await capture(order.id, 2001, { cancelRemainder: 'manual' })
    expect(over.status).toBe(409)
    expect(over.json.errorCode).toBe('payment.excessive-amount')
    expect((await capture(order.id, 2000, { cancelRemainder: 'manual' })).status).toBe(200)
    const final = (await h.call('GET', `/orders/${order.id}?expand=all`)).json
    expect(final.status).toBe('succeeded')
    expect(final.payments.map((p: { amount: number }) => p.amount)).toEqual([1000, 2000])
  })

  it('refuses a capture over the order amount', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    const res = await capture(order.id, 3001)
    expect(res.status).toBe(409)
    expect(res.json.errorCode).toBe('payment.excessive-amount')
    expect(h.sandbox.objects('payment')).toHaveLength(0)
  })

  it('refuses to capture an order that is not in requires_capture', async () => {
    const session = (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json
    const res = await capture(session.order.id, 100)
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ statusCode: 409, errorCode: 'order.cannot-capture' })
  })

  it('answers 404 order.not-found for an unknown order', async () => {
    const res = await capture('order_test_doesNotExist', 100)
    expect(res.status).toBe(404)
    expect(res.json.errorCode).toBe('order.not-found')
  })

  it('updates a payment’s reference, description and metadata', async () => {
    await authorizedOrder(h)
    const [payment] = h.sandbox.objects('payment')
    const res = await h.call('PATCH', `/payments/${payment?.id}`, {
      body: { reference: 'r-1', description: 'first', metadata: { a: 'b' } },
    })
    expect(res.json).toMatchObject({ reference: 'r-1', description: 'first', metadata: { a: 'b' } })
    expect(res.json.amount).toBe(3000)
  })
})

describe('cancellation', () => {
  it('cancels an order in requires_capture', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    const res = await h.call('PUT', `/orders/${order.id}/cancellation`)
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ id: order.id, status: 'canceled' })
  })

  it('refuses to cancel an order in any other status', async () => {
    const { order } = await authorizedOrder(h)
    const done = await h.call('PUT', `/orders/${order.id}/cancellation`)
    expect(done.status).toBe(409)
    expect(done.json.errorCode).toBe('order.cannot-cancel')
    const fresh = (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json
    const pending = await h.call('PUT', `/orders/${fresh.order.id}/cancellation`)
    expect(pending.json.errorCode).toBe('order.cannot-cancel')
    const missing = await h.call('PUT', '/orders/order_test_missing/cancellation')
    expect(missing.status).toBe(404)
    expect(missing.json.errorCode).toBe('order.not-found')
  })
})

describe('refunds', () => {
  const refund = (payment: string, extra: Record<string, unknown> = {}) =>
    h.call('POST', '/refunds', {
      body: { payment, currency: 'JPY', reason: 'requested_by_customer', ...extra },
    })

  it('refunds in parts, defaults to what is left, and marks the payment refunded', async () => {
    await authorizedOrder(h)
    const [payment] = h.sandbox.objects('payment')
    const first = await refund(payment?.id ?? '', { amount: 1000 })
    expect(first.json).toMatchObject({ object: 'refund', amount: 1000, status: 'succeeded' })
    expect(first.json.id).toMatch(/^refund_test_/)
    expect((await h.call('GET', `/payments/${payment?.id}`)).json.status).toBe('processed')
    const rest = await refund(payment?.id ?? '')
    expect(rest.json.amount).toBe(2000)
    expect((await h.call('GET', `/payments/${payment?.id}`)).json.status).toBe('refunded')
    const more = await refund(payment?.id ?? '', { amount: 1 })
    expect(more.status).toBe(403)
    expect(more.json.errorCode).toBe('amount.insufficient')
  })

  it('never refunds more than captured minus refunded', async () => {
    await authorizedOrder(h)
    const [payment] = h.sandbox.objects('payment')
    const res = await refund(payment?.id ?? '', { amount: 3001 })
    expect(res.status).toBe(403)
    expect(res.json.errorCode).toBe('amount.insufficient')
    expect(h.sandbox.objects('refund')).toHaveLength(0)
  })

  it('answers 404 payment.not-found for an unknown payment', async () => {
    const res = await refund('payment_test_missing', { amount: 1 })
    expect(res.status).toBe(404)
    expect(res.json.errorCode).toBe('payment.not-found')
  })

  it('retrieves with the payment expanded and updates notes', async () => {
    await authorizedOrder(h)
    const [payment] = h.sandbox.objects('payment')
    const created = (await refund(payment?.id ?? '', { amount: 10 })).json
    const expanded = (await h.call('GET', `/refunds/${created.id}?expand=all`)).json
    expect(expanded.payment.id).toBe(payment?.id)
    const patched = await h.call('PATCH', `/refunds/${created.id}`, {
      body: { metadata: { why: 'late' } },
    })
    expect(patched.json.metadata).toEqual({ why: 'late' })
    expect(patched.json.updatedAt).toBeGreaterThanOrEqual(created.updatedAt)
  })
})
