import { describe, expect, it } from 'vitest'
import { ApiError } from './errors.js'
import { authorizeOrder, cancelOrder, capture, capturedAmount, createOrder } from './lifecycle.js'
import type { JsonObject } from './objects.js'
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
  it('leaves a manual-capture order to capture for 30 days and emits order.authorized', () => {
    const { scope, emitted } = testScope()
    const order = createOrder(scope, body({ captureMethod: 'manual' }))
    const authorized = authorizeOrder(scope, order)
    expect(authorized).toMatchObject({
      status: 'requires_capture',
      expiresAt: scope.now + 30 * DAY,
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
    const late = { ...scope, now: scope.now + 30 * DAY }
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
