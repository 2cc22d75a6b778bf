import { describe, expectTypeOf, it } from 'vitest'
import type {
  CheckoutSession,
  Coupon,
  CreateCheckoutSessionParams,
  CreateCouponParams,
  CreateOrderParams,
  CreatePaymentParams,
  CreatePromotionCodeParams,
  CreateRefundParams,
  CreateTokenCheckoutSessionParams,
  CreateWebhookEndpointParams,
  Order,
  OrderStatus,
  Payment,
  PromotionCode,
  Refund,
  Token,
  TokenStatus,
  WebhookEndpoint,
} from '../index.js'

const address = { line1: '1-1', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' }
const urls = { successUrl: 'https://a.example', cancelUrl: 'https://a.example' }

describe('params types', () => {
  it('checkout sessions: amount and currencies optional, the rest required', () => {
    const ok: CreateCheckoutSessionParams = {
      items: [{ name: 'Tea', amount: 100 }],
      shippingInfo: { address },
      customerInfo: {},
      ...urls,
    }
    // @ts-expect-error items are required
    const noItems: CreateCheckoutSessionParams = {
      shippingInfo: { address },
      customerInfo: {},
      ...urls,
    }
    // @ts-expect-error successUrl is required
    const noUrl: CreateCheckoutSessionParams = { ...ok, successUrl: undefined }
    const badCurrency: CreateCheckoutSessionParams = {
      ...ok,
      // @ts-expect-error only upper-case JPY
      currency: 'jpy',
    }
    expectTypeOf([ok, noItems, noUrl, badCurrency]).toBeArray()
    expectTypeOf<CreateCheckoutSessionParams['amount']>().toEqualTypeOf<number | undefined>()
  })

  it('token sessions need no mode', () => {
    const ok: CreateTokenCheckoutSessionParams = { customerInfo: {}, ...urls }
    expectTypeOf(ok).toMatchTypeOf<{ mode?: 'token' | undefined }>()
  })

  it('orders, payments and refunds require their ids, amounts and enums', () => {
    // @ts-expect-error token, items, customerInfo and shippingInfo are missing
    const order: CreateOrderParams = { amount: 1, currency: 'JPY' }
    // @ts-expect-error order is required
    const payment: CreatePaymentParams = { amount: 1, currency: 'JPY' }
    // @ts-expect-error reason is required
    const refund: CreateRefundParams = { payment: 'payment_test_a', currency: 'JPY' }
    const badReason: CreateRefundParams = {
      payment: 'payment_test_a',
      currency: 'JPY',
      // @ts-expect-error not a reason
      reason: 'changed_mind',
    }
    expectTypeOf([order, payment, refund, badReason]).toBeArray()
  })

  it('coupons depend on discountType', () => {
    const amount: CreateCouponParams = {
      name: 'A',
      discountType: 'amount',
      discountAmount: 100,
      currency: 'JPY',
    }
    const percentage: CreateCouponParams = {
      name: 'A',
      discountType: 'percentage',
      discountPercentage: 10,
    }
    // @ts-expect-error an amount coupon needs discountAmount and currency
    const missing: CreateCouponParams = { name: 'A', discountType: 'amount' }
    expectTypeOf([amount, percentage, missing]).toBeArray()
  })

  it('promotion codes and webhook endpoints require their fields', () => {
    // @ts-expect-error coupon is required
    const code: CreatePromotionCodeParams = { code: 'SPRING' }
    // @ts-expect-error url is required
    const endpoint: CreateWebhookEndpointParams = { eventSubscriptions: ['order.authorized'] }
    const badEvent: CreateWebhookEndpointParams = {
      url: 'https://a.example',
      // @ts-expect-error not an event type
      eventSubscriptions: ['order.paid'],
    }
    expectTypeOf([code, endpoint, badEvent]).toBeArray()
  })
})

describe('response types', () => {
  it('have the documented fields', () => {
    expectTypeOf<Order['id']>().toEqualTypeOf<string>()
    expectTypeOf<Order['status']>().toEqualTypeOf<OrderStatus>()
    expectTypeOf<Order['amount']>().toEqualTypeOf<number>()
    expectTypeOf<Token['status']>().toEqualTypeOf<TokenStatus>()
    expectTypeOf<Payment['amount']>().toEqualTypeOf<number>()
    expectTypeOf<Refund['reason']>().toEqualTypeOf<
      'requested_by_customer' | 'fraudulent' | undefined
    >()
    expectTypeOf<WebhookEndpoint['signingSecret']>().toEqualTypeOf<string | undefined>()
    expectTypeOf<Coupon['discountType']>().toEqualTypeOf<'amount' | 'percentage'>()
    expectTypeOf<PromotionCode['code']>().toEqualTypeOf<string>()
    expectTypeOf<CheckoutSession['url']>().toEqualTypeOf<string | undefined>()
  })

  it('type expandable references as an id or the object', () => {
    expectTypeOf<NonNullable<CheckoutSession['order']>>().toEqualTypeOf<string | Order>()
    expectTypeOf<NonNullable<Refund['payment']>>().toEqualTypeOf<string | Payment>()
    expectTypeOf<PromotionCode['coupon']>().toEqualTypeOf<string | Coupon>()
  })

  it('keep unknown fields (loose objects)', () => {
    expectTypeOf<Order>().toMatchTypeOf<Record<string, unknown>>()
  })
})
