import type * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import type {
  AddressParams,
  CheckoutItemParams,
  CheckoutSession,
  Coupon,
  CreateCheckoutSessionParams,
  CreateCheckoutSessionParamsSchema,
  CreateCouponParams,
  CreateCouponParamsSchema,
  CreateOrderParams,
  CreateOrderParamsSchema,
  CreatePaymentParams,
  CreatePaymentParamsSchema,
  CreatePromotionCodeParams,
  CreatePromotionCodeParamsSchema,
  CreateRefundParams,
  CreateRefundParamsSchema,
  CreateTokenCheckoutSessionParams,
  CreateTokenCheckoutSessionParamsSchema,
  CreateWebhookEndpointParams,
  CreateWebhookEndpointParamsSchema,
  CustomerInfoParams,
  ItemParams,
  ListParams,
  Metadata,
  normalizeCheckoutSession,
  Order,
  OrderStatus,
  PageParams,
  Payment,
  PromotionCode,
  Refund,
  RetrieveParams,
  ShippingInfoParams,
  Token,
  TokenStatus,
  UpdateCouponParams,
  UpdateCouponParamsSchema,
  UpdatePaymentParams,
  UpdatePaymentParamsSchema,
  UpdatePromotionCodeParams,
  UpdatePromotionCodeParamsSchema,
  UpdateRefundParams,
  UpdateRefundParamsSchema,
  UpdateWebhookEndpointParams,
  UpdateWebhookEndpointParamsSchema,
  WebhookEndpoint,
} from '../index.js'
import type { AddressSchema, ShippingInfoSchema } from './address.js'
import type { CheckoutSessionBody, CheckoutSessionBodySchema } from './checkoutSession.js'
import type { ListParamsSchema, PageParamsSchema, RetrieveParamsSchema } from './collection.js'
import type { MetadataSchema } from './common.js'
import type { CustomerInfoSchema } from './customer.js'
import type { CheckoutItemSchema, ItemSchema } from './item.js'

/** A type as an anonymous object type, all the way down, so an interface compares to it. */
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T
type In<S extends v.GenericSchema> = Deep<v.InferInput<S>>

describe('named params types', () => {
  // Interfaces, so that a consumer's compiler never works out a schema's type (a five-call app
  // costs a few thousand instantiations, and errors name the interface), held here to what their
  // schemas take, field for field, nested objects included.
  it('equal what their schemas take', () => {
    expectTypeOf<Deep<Metadata>>().toEqualTypeOf<In<typeof MetadataSchema>>()
    expectTypeOf<Deep<AddressParams>>().toEqualTypeOf<In<typeof AddressSchema>>()
    expectTypeOf<Deep<ShippingInfoParams>>().toEqualTypeOf<In<typeof ShippingInfoSchema>>()
    expectTypeOf<Deep<CustomerInfoParams>>().toEqualTypeOf<In<typeof CustomerInfoSchema>>()
    expectTypeOf<Deep<ItemParams>>().toEqualTypeOf<In<typeof ItemSchema>>()
    expectTypeOf<Deep<CheckoutItemParams>>().toEqualTypeOf<In<typeof CheckoutItemSchema>>()
    expectTypeOf<Deep<RetrieveParams>>().toEqualTypeOf<In<typeof RetrieveParamsSchema>>()
    expectTypeOf<Deep<ListParams>>().toEqualTypeOf<In<typeof ListParamsSchema>>()
    expectTypeOf<Deep<PageParams>>().toEqualTypeOf<In<typeof PageParamsSchema>>()
    expectTypeOf<Deep<CreateCheckoutSessionParams>>().toEqualTypeOf<
      In<typeof CreateCheckoutSessionParamsSchema>
    >()
    expectTypeOf<Deep<CreateTokenCheckoutSessionParams>>().toEqualTypeOf<
      In<typeof CreateTokenCheckoutSessionParamsSchema>
    >()
    expectTypeOf<Deep<CreateOrderParams>>().toEqualTypeOf<In<typeof CreateOrderParamsSchema>>()
    expectTypeOf<Deep<CreatePaymentParams>>().toEqualTypeOf<In<typeof CreatePaymentParamsSchema>>()
    expectTypeOf<Deep<UpdatePaymentParams>>().toEqualTypeOf<In<typeof UpdatePaymentParamsSchema>>()
    expectTypeOf<Deep<CreateRefundParams>>().toEqualTypeOf<In<typeof CreateRefundParamsSchema>>()
    expectTypeOf<Deep<UpdateRefundParams>>().toEqualTypeOf<In<typeof UpdateRefundParamsSchema>>()
    expectTypeOf<CreateCouponParams>().toEqualTypeOf<
      v.InferInput<typeof CreateCouponParamsSchema>
    >()
    expectTypeOf<Deep<UpdateCouponParams>>().toEqualTypeOf<In<typeof UpdateCouponParamsSchema>>()
    expectTypeOf<Deep<CreatePromotionCodeParams>>().toEqualTypeOf<
      In<typeof CreatePromotionCodeParamsSchema>
    >()
    expectTypeOf<Deep<UpdatePromotionCodeParams>>().toEqualTypeOf<
      In<typeof UpdatePromotionCodeParamsSchema>
    >()
    expectTypeOf<Deep<CreateWebhookEndpointParams>>().toEqualTypeOf<
      In<typeof CreateWebhookEndpointParamsSchema>
    >()
    expectTypeOf<Deep<UpdateWebhookEndpointParams>>().toEqualTypeOf<
      In<typeof UpdateWebhookEndpointParamsSchema>
    >()
    // What create sends, amounts filled in; normalizeCheckoutSession takes what the schema gives.
    expectTypeOf<Deep<CheckoutSessionBody>>().toEqualTypeOf<
      Deep<v.InferOutput<typeof CheckoutSessionBodySchema>>
    >()
    expectTypeOf<Deep<Parameters<typeof normalizeCheckoutSession>[0]>>().toEqualTypeOf<
      Deep<v.InferOutput<typeof CreateCheckoutSessionParamsSchema>>
    >()
  })
})

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
