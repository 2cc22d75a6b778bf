import { describe, expect, it } from 'vitest'
import * as f from './fixtures.js'
import { type Call, clientFor, expectRefused, useServer } from './support.js'

const { ids } = f
const ctx = useServer()

const refusal = (call: Call, field: string) => expectRefused(ctx.server, call, field)
const refused = async (call: Call, field: string) => {
  await refusal(call, field)
}

// Loosely typed so the tests can pass what TypeScript would refuse, as a JavaScript caller may.
// biome-ignore lint/suspicious/noExplicitAny: deliberately wrong inputs
type Loose = any
const session = (patch: Record<string, unknown>): Loose => ({ ...f.checkoutParams, ...patch })
const item = (patch: Record<string, unknown>): Loose =>
  session({ items: [{ ...f.checkoutParams.items[0], ...patch }] })
const longText = (n: number) => 'x'.repeat(n)
const manyPairs = (n: number) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']))

describe('checkoutSessions.create refuses, before any request', () => {
  const cases: [string, Loose, string][] = [
    ['a missing successUrl', session({ successUrl: undefined }), 'successUrl'],
    ['a successUrl that is not a URL', session({ successUrl: 'thanks' }), 'successUrl'],
    ['a javascript: cancelUrl', session({ cancelUrl: 'javascript:alert(1)' }), 'cancelUrl'],
    ['a missing shippingInfo', session({ shippingInfo: undefined }), 'shippingInfo'],
    ['a missing customerInfo', session({ customerInfo: undefined }), 'customerInfo'],
    ['no items', session({ items: [] }), 'items'],
    ['51 items', session({ items: Array(51).fill(f.checkoutParams.items[0]) }), 'items'],
    ['a negative amount', session({ amount: -1 }), 'amount'],
    ['a fractional amount', session({ amount: 10.5 }), 'amount'],
    ['a lower-case currency', session({ currency: 'jpy' }), 'currency'],
    ['an unknown captureMethod', session({ captureMethod: 'autommatic' }), 'captureMethod'],
    ['an unknown locale', session({ locale: 'fr' }), 'locale'],
    ['an 81-character description', session({ description: longText(81) }), 'description'],
    ['a 41-character reference', session({ reference: longText(41) }), 'reference'],
    ['21 metadata pairs', session({ metadata: manyPairs(21) }), 'metadata'],
    ['a number as a metadata value', session({ metadata: { n: 1 } }), 'metadata.n'],
    ['an item without a name', item({ name: undefined }), 'items.0.name'],
    ['an item with a negative amount', item({ amount: -100 }), 'items.0.amount'],
    ['an item with a fractional quantity', item({ quantity: 1.5 }), 'items.0.quantity'],
    ['an item of an unknown kind', item({ kind: 'coupon' }), 'items.0.kind'],
    ['an item in another currency', item({ currency: 'USD' }), 'items.0.currency'],
    ['an empty promotionCode', session({ promotionCode: '' }), 'promotionCode'],
    ['an idempotencyKey in the body', session({ idempotencyKey: 'k' }), 'idempotencyKey'],
    ['the legacy successURL spelling', session({ successURL: 'https://a.example' }), 'successURL'],
    [
      'an address without a postal code',
      session({ shippingInfo: { address: { ...f.address, postalCode: undefined } } }),
      'shippingInfo.address.postalCode',
    ],
    [
      'an unknown address type',
      session({ shippingInfo: { address: f.address, addressType: 'castle' } }),
      'shippingInfo.addressType',
    ],
    [
      'a malformed email address',
      session({ customerInfo: { emailAddress: 'hanako' } }),
      'customerInfo.emailAddress',
    ],
  ]
  it.each(cases)('%s', (_, params, field) =>
    refused((c) => c.checkoutSessions.create(params), field),
  )

  it('accepts the limits themselves: 1 and 50 items, 80/40 characters, 20 pairs', async () => {
    const client = clientFor(ctx.server)
    const fifty = Array(50).fill({ name: 'Tea', amount: 10 })
    await client.checkoutSessions.create(session({ amount: undefined, items: fifty }))
    await client.checkoutSessions.create(
      session({ description: longText(80), reference: longText(40), metadata: manyPairs(20) }),
    )
    expect(ctx.server.requests).toHaveLength(2)
    expect(ctx.server.requests[0]?.json).toMatchObject({ amount: 500 + 500, currency: 'JPY' })
  })
})

describe('checkoutSessions.createForToken refuses', () => {
  const base = { customerInfo: {}, successUrl: 'https://a.example', cancelUrl: 'https://a.example' }
  it.each([
    ['a missing cancelUrl', { ...base, cancelUrl: undefined }, 'cancelUrl'],
    ['another mode', { ...base, mode: 'payment' }, 'mode'],
    ['items, which token sessions have none of', { ...base, items: [] }, 'items'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.checkoutSessions.createForToken(params), field),
  )
})

describe('orders.create refuses', () => {
  const order = (patch: Record<string, unknown>): Loose => ({ ...f.orderParams, ...patch })
  it.each([
    ['a missing token', order({ token: undefined }), 'token'],
    ['an order id as the token', order({ token: ids.order }), 'token'],
    ['a missing amount', order({ amount: undefined }), 'amount'],
    [
      'an item without currency',
      order({ items: [{ name: 'Tea', amount: 1 }] }),
      'items.0.currency',
    ],
    ['a live token with a test key', order({ token: 'paytok_live_abc' }), 'token'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.orders.create(params), field),
  )
})

describe('payments.create refuses', () => {
  const capture = (patch: Record<string, unknown>): Loose => ({
    order: ids.order,
    amount: 100,
    currency: 'JPY',
    ...patch,
  })
  it.each([
    ['a missing order', capture({ order: undefined }), 'order'],
    ['a payment id as the order', capture({ order: ids.payment }), 'order'],
    ['a negative amount', capture({ amount: -5 }), 'amount'],
    ['an amount as a string', capture({ amount: '100' }), 'amount'],
    ['the misspelt autommatic', capture({ cancelRemainder: 'autommatic' }), 'cancelRemainder'],
    ['a live order with a test key', capture({ order: 'order_live_abc' }), 'order'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.payments.create(params), field),
  )

  it('explains that test and live objects are separate', async () => {
    const error = await refusal(
      (c) => c.payments.create({ order: 'order_live_abc', amount: 1, currency: 'JPY' }),
      'order',
    )
    expect(error.message).toMatch(/Test and live objects are separate/)
    expect(error.message).toContain('sk_test_…1taz')
  })
})

describe('refunds.create refuses', () => {
  const refund = (patch: Record<string, unknown>): Loose => ({
    payment: ids.payment,
    currency: 'JPY',
    reason: 'fraudulent',
    ...patch,
  })
  it.each([
    ['a missing reason', refund({ reason: undefined }), 'reason'],
    ['an unknown reason', refund({ reason: 'changed_mind' }), 'reason'],
    ['a refund id as the payment', refund({ payment: ids.refund }), 'payment'],
    ['a missing currency', refund({ currency: undefined }), 'currency'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.refunds.create(params), field),
  )
})

describe('updates refuse', () => {
  it('a payment description of 81 characters', () =>
    refused((c) => c.payments.update(ids.payment, { description: longText(81) }), 'description'))
  it('a refund reference of 41 characters', () =>
    refused((c) => c.refunds.update(ids.refund, { reference: longText(41) }), 'reference'))
  it('a payment amount, which cannot change', () =>
    refused((c) => c.payments.update(ids.payment, { amount: 1 } as Loose), 'amount'))
  it('a coupon discountType, which cannot change', () =>
    refused(
      (c) => c.coupons.update(ids.coupon, { discountType: 'amount' } as Loose),
      'discountType',
    ))
  it('a promotion code with 21 metadata pairs', () =>
    refused(
      (c) => c.promotionCodes.update(ids.promotionCode, { metadata: manyPairs(21) }),
      'metadata',
    ))
})

describe('webhookEndpoints refuse', () => {
  it.each([
    ['a missing url', {}, 'url'],
    [
      'an unknown event type',
      { url: 'https://a.example', eventSubscriptions: ['order.paid'] },
      'eventSubscriptions.0',
    ],
    [
      'an empty subscription list',
      { url: 'https://a.example', eventSubscriptions: [] },
      'eventSubscriptions',
    ],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.webhookEndpoints.create(params), field),
  )
  it('an update with a url that is not a URL', () =>
    refused((c) => c.webhookEndpoints.update(ids.webhookEndpoint, { url: 'nope' }), 'url'))
})

describe('coupons.create refuses', () => {
  it.each([
    ['an unknown discountType', { name: 'A', discountType: 'free' }, 'discountType'],
    [
      'an amount coupon without discountAmount',
      { name: 'A', discountType: 'amount', currency: 'JPY' },
      'discountAmount',
    ],
    [
      'an amount coupon without currency',
      { name: 'A', discountType: 'amount', discountAmount: 5 },
      'currency',
    ],
    [
      'a percentage coupon without discountPercentage',
      { name: 'A', discountType: 'percentage' },
      'discountPercentage',
    ],
    [
      'a percentage above 100',
      { name: 'A', discountType: 'percentage', discountPercentage: 101 },
      'discountPercentage',
    ],
    [
      'a negative percentage',
      { name: 'A', discountType: 'percentage', discountPercentage: -1 },
      'discountPercentage',
    ],
    [
      'a percentage coupon with an amount',
      { name: 'A', discountType: 'percentage', discountPercentage: 5, discountAmount: 5 },
      'discountAmount',
    ],
    ['a missing name', { discountType: 'percentage', discountPercentage: 5 }, 'name'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.coupons.create(params), field),
  )
})

describe('promotionCodes.create refuses', () => {
  it.each([
    ['a missing code', { coupon: ids.coupon }, 'code'],
    ['a promotion code id as the coupon', { code: 'A', coupon: ids.promotionCode }, 'coupon'],
    [
      'minimumAmount without currency',
      { code: 'A', coupon: ids.coupon, minimumAmount: 1000 },
      'currency',
    ],
    ['a live coupon with a test key', { code: 'A', coupon: 'coupon_live_abc' }, 'coupon'],
  ] as [string, Loose, string][])('%s', (_, params, field) =>
    refused((c) => c.promotionCodes.create(params), field),
  )
})
