import type * as v from 'valibot'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type Address,
  type AnyObject,
  type ApiPromise,
  type CheckoutSession,
  type CheckoutSessionSchema,
  type Coupon,
  type CouponSchema,
  type CreatedCheckoutSession,
  type CreatedCheckoutSessionSchema,
  type CreatedTokenCheckoutSession,
  type CreatedTokenCheckoutSessionSchema,
  type CreatedWebhookEndpoint,
  type CreatedWebhookEndpointSchema,
  type CustomerInfo,
  createServerClient,
  type Discount,
  type DiscountSchema,
  type Expanded,
  type LineItem,
  type LineItemSchema,
  type Order,
  type OrderSchema,
  type Payment,
  type PaymentSchema,
  type PromotionCode,
  type PromotionCodeSchema,
  type Refund,
  type RefundSchema,
  type Token,
  type TokenSchema,
  type Unexpanded,
  type WebhookEndpoint,
  type WebhookEndpointSchema,
} from '../index.js'
import type { AddressObjectSchema, ShippingInfo, ShippingInfoObjectSchema } from './address.js'
import type { AnyObjectSchema } from './common.js'
import type { CustomerInfoObjectSchema } from './customer.js'

const smartpay = createServerClient({ secretKey: 'sk_test_abc' })
const id = 'x'

/**
 * A type as an anonymous object type, all the way down, so that an interface compares to what a
 * schema infers (an intersection, for a loose object) field by field.
 */
type Deep<T> = T extends object ? { [K in keyof T]: Deep<T[K]> } : T
type Out<S extends v.GenericSchema> = Deep<v.InferOutput<S>>

describe('named response types', () => {
  // Interfaces written out, so that a consumer's compiler never works out a schema's type (it
  // cost thousands of instantiations a type, and TS2589 once), held here to the schemas' output
  // types, field for field, nested objects included.
  it('equal what their schemas infer', () => {
    expectTypeOf<Deep<CheckoutSession>>().toEqualTypeOf<Out<typeof CheckoutSessionSchema>>()
    expectTypeOf<Deep<CreatedCheckoutSession>>().toEqualTypeOf<
      Out<typeof CreatedCheckoutSessionSchema>
    >()
    expectTypeOf<Deep<CreatedTokenCheckoutSession>>().toEqualTypeOf<
      Out<typeof CreatedTokenCheckoutSessionSchema>
    >()
    expectTypeOf<Deep<Order>>().toEqualTypeOf<Out<typeof OrderSchema>>()
    expectTypeOf<Deep<Payment>>().toEqualTypeOf<Out<typeof PaymentSchema>>()
    expectTypeOf<Deep<Refund>>().toEqualTypeOf<Out<typeof RefundSchema>>()
    expectTypeOf<Deep<Coupon>>().toEqualTypeOf<Out<typeof CouponSchema>>()
    expectTypeOf<Deep<PromotionCode>>().toEqualTypeOf<Out<typeof PromotionCodeSchema>>()
    expectTypeOf<Deep<Discount>>().toEqualTypeOf<Out<typeof DiscountSchema>>()
    expectTypeOf<Deep<LineItem>>().toEqualTypeOf<Out<typeof LineItemSchema>>()
    expectTypeOf<Deep<Token>>().toEqualTypeOf<Out<typeof TokenSchema>>()
    expectTypeOf<Deep<WebhookEndpoint>>().toEqualTypeOf<Out<typeof WebhookEndpointSchema>>()
    expectTypeOf<Deep<CreatedWebhookEndpoint>>().toEqualTypeOf<
      Out<typeof CreatedWebhookEndpointSchema>
    >()
    expectTypeOf<Deep<Address>>().toEqualTypeOf<Out<typeof AddressObjectSchema>>()
    expectTypeOf<Deep<ShippingInfo>>().toEqualTypeOf<Out<typeof ShippingInfoObjectSchema>>()
    expectTypeOf<Deep<CustomerInfo>>().toEqualTypeOf<Out<typeof CustomerInfoObjectSchema>>()
    expectTypeOf<Deep<AnyObject>>().toEqualTypeOf<Out<typeof AnyObjectSchema>>()
  })
})

describe('what a create call always returns', () => {
  it('a checkout session with its url and its order', () => {
    expectTypeOf(smartpay.checkoutSessions.create).returns.toEqualTypeOf<
      ApiPromise<CreatedCheckoutSession>
    >()
    expectTypeOf<CreatedCheckoutSession['url']>().toEqualTypeOf<string>()
    expectTypeOf<CreatedCheckoutSession['order']>().toEqualTypeOf<Order>()
    expectTypeOf<CreatedCheckoutSession>().toMatchTypeOf<CheckoutSession>()
  })

  it('a token session with its url and its token', () => {
    expectTypeOf(smartpay.checkoutSessions.createForToken).returns.toEqualTypeOf<
      ApiPromise<CreatedTokenCheckoutSession>
    >()
    expectTypeOf<CreatedTokenCheckoutSession['url']>().toEqualTypeOf<string>()
    expectTypeOf<CreatedTokenCheckoutSession['token']>().toEqualTypeOf<Token>()
  })

  it('a webhook endpoint with its signingSecret, so verifyWebhook needs no `!`', () => {
    expectTypeOf(smartpay.webhookEndpoints.create).returns.toEqualTypeOf<
      ApiPromise<CreatedWebhookEndpoint>
    >()
    expectTypeOf<CreatedWebhookEndpoint['signingSecret']>().toEqualTypeOf<string>()
    // Retrieved or listed, it may be absent.
    expectTypeOf<WebhookEndpoint['signingSecret']>().toEqualTypeOf<string | undefined>()
  })
})

describe('expand', () => {
  it("types expanded references as objects with { expand: 'all' }", async () => {
    const session = await smartpay.checkoutSessions.retrieve(id, { expand: 'all' })
    expectTypeOf(session.order).toEqualTypeOf<Order | undefined>()
    expectTypeOf(session.token).toEqualTypeOf<Token | undefined>()
    expectTypeOf(session.url).toEqualTypeOf<string | undefined>()
    const order = await smartpay.orders.retrieve(id, { expand: 'all' })
    expectTypeOf(order.lineItems).toEqualTypeOf<LineItem[] | undefined>()
    expectTypeOf(order.payments).toEqualTypeOf<Payment[] | undefined>()
    expectTypeOf(order.discounts).toEqualTypeOf<Discount[] | undefined>()
    const refund = await smartpay.refunds.retrieve(id, { expand: 'all' })
    expectTypeOf(refund.payment).toEqualTypeOf<Payment | undefined>()
    const payment = await smartpay.payments.retrieve(id, { expand: 'all' })
    expectTypeOf(payment.lineItems).toEqualTypeOf<LineItem[] | undefined>()
  })

  it('types references as ids without expand, or with expand: no', async () => {
    const session = await smartpay.checkoutSessions.retrieve(id)
    expectTypeOf(session.order).toEqualTypeOf<string | undefined>()
    const order = await smartpay.orders.retrieve(id, { expand: 'no' })
    expectTypeOf(order.lineItems).toEqualTypeOf<string[] | undefined>()
    const noParams = await smartpay.orders.retrieve(id, {})
    expectTypeOf(noParams.payments).toEqualTypeOf<string[] | undefined>()
    // Fields that are not references keep their types.
    expectTypeOf(order.amount).toEqualTypeOf<number>()
    expectTypeOf(order.metadata).toEqualTypeOf<Record<string, string> | undefined>()
  })

  it('types both forms when expand is only known at run time', async () => {
    const expand = Math.random() > 0.5 ? ('all' as const) : ('no' as const)
    const order = await smartpay.orders.retrieve(id, { expand })
    expectTypeOf(order).toEqualTypeOf<Order>()
  })

  it('applies to every item of a list', async () => {
    for await (const session of smartpay.checkoutSessions.list({ expand: 'all' })) {
      expectTypeOf(session.order).toEqualTypeOf<Order | undefined>()
    }
    const page = await smartpay.orders.list({ maxResults: 5 })
    expectTypeOf(page.data[0]?.lineItems).toEqualTypeOf<string[] | undefined>()
  })

  it('leaves references inside an expanded object in both forms', () => {
    expectTypeOf<Expanded<CheckoutSession>['order']>().toEqualTypeOf<Order | undefined>()
    expectTypeOf<NonNullable<Expanded<CheckoutSession>['order']>['lineItems']>().toEqualTypeOf<
      (string | LineItem)[] | undefined
    >()
    expectTypeOf<Unexpanded<PromotionCode>['coupon']>().toEqualTypeOf<string>()
  })
})

describe('the escape hatch', () => {
  it('takes extraBody and extraQuery per call, and request() for any operation', async () => {
    smartpay.orders.create({} as never, { extraBody: { giftWrap: true } })
    smartpay.orders.list(undefined, { extraQuery: { status: 'succeeded', limit: 5 } })
    // @ts-expect-error query values are strings, numbers or booleans
    smartpay.orders.list(undefined, { extraQuery: { nested: { a: 1 } } })
    const payouts = await smartpay.request<{ data: string[] }>({ method: 'GET', path: '/payouts' })
    expectTypeOf(payouts.data).toEqualTypeOf<string[]>()
    // @ts-expect-error no such method
    smartpay.request({ method: 'TRACE', path: '/x' })
  })
})
