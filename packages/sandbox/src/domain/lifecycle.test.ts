import { describe, expect, it } from 'vitest'
import { ApiError } from './errors.js'
import {
  authorizeOrder,
  cancelOrder,
  capture,
  capturedAmount,
  createOrder,
  expireAuthorizations,
} from './lifecycle.js'
import type { JsonObject, Order } from './objects.js'
import { testScope } from './testing/scope.js'

const DAY = 24 * 60 * 60 * 1000

const body = (fields: JsonObject = {}): JsonObject => ({
  amount: 3000,
  currency: 'JPY',
  items: [
    { name: 'Green tea', amount: 1000, quantity: 2, brand: 'Uji', metadata: { sku: 'T1' } },
    { name: 'Cup', amount: 1000, currency: 'JPY', kind: 'product' },
  ],
  customerInfo: { emailAddress: 'shopper@example.com' },
  shippingInfo: { address: { country: 'JP' } },
  ...fields,
})

/** Rejects with an ApiError of this status and code. */
const refusal = (statusCode: number, errorCode: string) =>
  expect.objectContaining({ name: 'ApiError', statusCode, errorCode })

describe('createOrder', () => {
  it('stores an order awaiting authorization, with its line items, prices and products', () => {
    const { scope, emitted } = testScope('live')
    const order = createOrder(scope, body({ reference: 'ref-1', metadata: { cart: 'c1' } }))
    expect(order).toMatchObject({
      object: 'order',
      status: 'requires_authorization',
      test: false,
      amount: 3000,
      currency: 'JPY',
      captureMethod: 'automatic',
      discountAmount: 0,
      payments: [],
      reference: 'ref-1',
      metadata: { cart: 'c1' },
      createdAt: scope.now,
    })
    expect(order.id).toMatch(/^order_live_/)
    expect(scope.store.get('live', 'order', order.id)).toEqual(order)
    const items = order.lineItems.map((id) => scope.store.get('live', 'lineItem', id))
    expect(items).toMatchObject([
      {
        quantity: 2,
        kind: 'product',
        currency: 'JPY',
        metadata: { sku: 'T1' },
        price: { amount: 1000, currency: 'JPY', product: { name: 'Green tea', brand: 'Uji' } },
      },
      { quantity: 1, price: { product: { name: 'Cup' } } },
    ])
    expect(emitted).toEqual([])
  })

  it('keeps manual capture when asked, and takes extra fields as given', () => {
    const { scope } = testScope()
    const order = createOrder(scope, body({ captureMethod: 'manual' }), { tokenId: 'paytok_x' })
    expect(order).toMatchObject({ captureMethod: 'manual', tokenId: 'paytok_x' })
  })
})

describe('authorizeOrder', () => {
  it('leaves a manual-capture order to capture for 7 days and emits order.authorized', () => {
    const { scope, emitted } = testScope()
    const order = createOrder(scope, body({ captureMethod: 'manual' }))
    const authorized = authorizeOrder(scope, order)
    expect(authorized).toMatchObject({
      status: 'requires_capture',
      expiresAt: scope.now + 7 * DAY,
    })
    expect(authorized.payments).toEqual([])
    expect(emitted).toEqual([['order.authorized', authorized]])
  })

  it('captures an automatic-capture order in full: succeeded, one payment, two events', () => {
    const { scope, emitted } = testScope()
    const authorized = authorizeOrder(scope, createOrder(scope, body()))
    expect(authorized.status).toBe('succeeded')
    const [paymentId] = authorized.payments
    const payment = scope.store.get('test', 'payment', paymentId ?? '')
    expect(payment).toMatchObject({ status: 'processed', amount: 3000, order: authorized.id })
    expect(capturedAmount(scope, authorized)).toBe(3000)
    expect(emitted.map(([type]) => type)).toEqual(['order.authorized', 'payment.created'])
    expect(emitted[1]?.[1]).toEqual(payment)
  })

  it('refuses an order that is not awaiting authorization, and emits nothing', () => {
    const { scope, emitted } = testScope()
    const order = authorizeOrder(scope, createOrder(scope, body({ captureMethod: 'manual' })))
    emitted.length = 0
    expect(() => authorizeOrder(scope, order)).toThrow(refusal(409, 'order.cannot-authorize'))
    expect(emitted).toEqual([])
  })
})

describe('capture', () => {
  const authorized = (scope = testScope().scope) => ({
    scope,
    order: authorizeOrder(scope, createOrder(scope, body({ captureMethod: 'manual' }))),
  })

  it('ends the order with one capture by default, whatever its amount', () => {
    const { scope, order } = authorized()
    const { order: after, payment } = capture(scope, order, { amount: 1000 })
    expect(after.status).toBe('succeeded')
    expect(after.payments).toEqual([payment.id])
    expect(payment).toMatchObject({ amount: 1000, currency: 'JPY', lineItems: [] })
  })

  it('keeps the order open with cancelRemainder manual until it is captured in full', () => {
    const { scope, order } = authorized()
    const first = capture(scope, order, { amount: 1000, cancelRemainder: 'manual' })
    expect(first.order.status).toBe('requires_capture')
    const second = capture(scope, first.order, { amount: 2000, cancelRemainder: 'manual' })
    expect(second.order.status).toBe('succeeded')
    expect(capturedAmount(scope, second.order)).toBe(3000)
  })

  it('refuses more than is left to capture', () => {
    const { scope, order } = authorized()
    const { order: open } = capture(scope, order, { amount: 2500, cancelRemainder: 'manual' })
    expect(() => capture(scope, open, { amount: 501 })).toThrow(
      refusal(409, 'payment.excessive-amount'),
    )
    expect(() => capture(scope, open, { amount: 501 })).toThrow(/exceeds the 500 JPY left/)
  })

  it('refuses once the authorization has expired', () => {
    const { scope, order } = authorized()
    const late = { ...scope, now: scope.now + 7 * DAY }
    expect(() => capture(late, order, { amount: 1 })).toThrow(refusal(409, 'order.cannot-capture'))
    expect(() => capture(late, order, { amount: 1 })).toThrow(/can no longer be captured/)
    expect(scope.store.all('test', 'payment')).toEqual([])
  })

  it('refuses an order that is not awaiting capture', () => {
    const { scope } = testScope()
    const order = createOrder(scope, body())
    expect(() => capture(scope, order, { amount: 1 })).toThrow(ApiError)
    expect(() => capture(scope, order, { amount: 1 })).toThrow(/only an order in requires_capture/)
  })
})

describe('cancelOrder', () => {
  it('cancels an authorized order and emits order.canceled', () => {
    const { scope, emitted } = testScope()
    const order = authorizeOrder(scope, createOrder(scope, body({ captureMethod: 'manual' })))
    const canceled = cancelOrder(scope, order)
    expect(canceled.status).toBe('canceled')
    expect(scope.store.get('test', 'order', order.id)?.status).toBe('canceled')
    expect(emitted.at(-1)).toEqual(['order.canceled', canceled])
  })

  it('refuses an order that was never authorized or is already captured', () => {
    const { scope } = testScope()
    const fresh = createOrder(scope, body())
    expect(() => cancelOrder(scope, fresh)).toThrow(refusal(409, 'order.cannot-cancel'))
    const captured = authorizeOrder(scope, createOrder(scope, body()))
    expect(() => cancelOrder(scope, captured)).toThrow(refusal(409, 'order.cannot-cancel'))
  })
})

describe('expireAuthorizations', () => {
  const manual = () => {
    const { scope, emitted } = testScope()
    const order = authorizeOrder(scope, createOrder(scope, body({ captureMethod: 'manual' })))
    return { scope, emitted, order }
  }

  it('leaves an authorization alone until its 7 days are over, and says when they are', () => {
    const { scope, order } = manual()
    const canceled: string[] = []
    const next = expireAuthorizations(scope.store, 'test', scope.now + 7 * DAY - 1, (o) =>
      canceled.push(o.id),
    )
    expect(next).toBe(scope.now + 7 * DAY)
    expect(canceled).toEqual([])
    expect(scope.store.get('test', 'order', order.id)?.status).toBe('requires_capture')
  })

  it('cancels it as of its expiry once they are, partly captured or not', () => {
    const { scope, order } = manual()
    const other = authorizeOrder(scope, createOrder(scope, body({ captureMethod: 'manual' })))
    capture(scope, other, { amount: 1000, cancelRemainder: 'manual' })
    const canceled: Order[] = []
    const later = scope.now + 8 * DAY
    const next = expireAuthorizations(scope.store, 'test', later, (o) => canceled.push(o))
    expect(next).toBe(Number.POSITIVE_INFINITY)
    expect(canceled.map((o) => [o.id, o.status, o.updatedAt])).toEqual([
      [order.id, 'canceled', scope.now + 7 * DAY],
      [other.id, 'canceled', scope.now + 7 * DAY],
    ])
    expect(scope.store.get('test', 'order', order.id)?.status).toBe('canceled')
    // Nothing twice: a canceled order is not canceled again.
    expect(expireAuthorizations(scope.store, 'test', later + DAY, (o) => canceled.push(o))).toBe(
      Number.POSITIVE_INFINITY,
    )
    expect(canceled).toHaveLength(2)
  })

  it('touches no order of the other mode, nor one that is not awaiting capture', () => {
    const { scope, order } = manual()
    const automatic = authorizeOrder(scope, createOrder(scope, body()))
    const canceled: Order[] = []
    expireAuthorizations(scope.store, 'live', scope.now + 8 * DAY, (o) => canceled.push(o))
    expect(canceled).toEqual([])
    expect(scope.store.get('test', 'order', order.id)?.status).toBe('requires_capture')
    expireAuthorizations(scope.store, 'test', scope.now + 8 * DAY, (o) => canceled.push(o))
    expect(canceled.map((o) => o.id)).toEqual([order.id])
    expect(scope.store.get('test', 'order', automatic.id)?.status).toBe('succeeded')
  })

  it('makes a capture refused with the reason: the authorization expired', () => {
    const { scope, order } = manual()
    const later = { ...scope, now: scope.now + 8 * DAY }
    expireAuthorizations(scope.store, 'test', later.now, () => {})
    const lapsed = scope.store.get('test', 'order', order.id) as Order
    expect(() => capture(later, lapsed, { amount: 1 })).toThrow(
      refusal(409, 'order.cannot-capture'),
    )
    expect(() => capture(later, lapsed, { amount: 1 })).toThrow(
      /expired at .* \(7 days after it was authorized\) and the order was canceled/,
    )
    expect(() => cancelOrder(later, lapsed)).toThrow(refusal(409, 'order.cannot-cancel'))
  })
})
