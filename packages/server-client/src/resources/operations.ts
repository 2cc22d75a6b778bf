import { checkoutUrl, validateParams } from '@smartpay-kit/core'
import { normalizeCheckoutSession } from '../checkout/amount.js'
import {
  CheckoutSessionBodySchema,
  CheckoutSessionSchema,
  CreateCheckoutSessionParamsSchema,
  CreatedCheckoutSessionSchema,
  CreatedTokenCheckoutSessionSchema,
  CreateTokenCheckoutSessionParamsSchema,
} from '../schemas/checkoutSession.js'
import { ListParamsSchema, PageParamsSchema, RetrieveParamsSchema } from '../schemas/collection.js'
import {
  CouponSchema,
  CreateCouponParamsSchema,
  UpdateCouponParamsSchema,
} from '../schemas/coupon.js'
import { CreateOrderParamsSchema, OrderSchema } from '../schemas/order.js'
import {
  CreatePaymentParamsSchema,
  PaymentSchema,
  UpdatePaymentParamsSchema,
} from '../schemas/payment.js'
import {
  CreatePromotionCodeParamsSchema,
  PromotionCodeSchema,
  UpdatePromotionCodeParamsSchema,
} from '../schemas/promotionCode.js'
import {
  CreateRefundParamsSchema,
  RefundSchema,
  UpdateRefundParamsSchema,
} from '../schemas/refund.js'
import { TokenSchema } from '../schemas/token.js'
import {
  CreatedWebhookEndpointSchema,
  CreateWebhookEndpointParamsSchema,
  UpdateWebhookEndpointParamsSchema,
  WebhookEndpointSchema,
} from '../schemas/webhookEndpoint.js'
import type { CheckedTable, OperationHooks } from './operation.js'

// The 34 operations of the API (smartpay-api.md §2.1), one table per resource so that a bundle
// importing one resource's factory ships only its own. Methods, docs, the wire-format reference
// and the operation tests are all built from these.

/**
 * `checkoutSessions.create`: amounts and currencies filled in (as the official SDKs do), and
 * the promotion code applied to the returned url (as the Node SDK does).
 */
export const checkoutAmounts: OperationHooks = {
  prepare: (params) =>
    normalizeCheckoutSession(
      validateParams(CreateCheckoutSessionParamsSchema, params, {
        method: 'POST',
        path: '/checkout-sessions',
      }),
    ),
  finish(data, params) {
    const { promotionCode } = params as { promotionCode?: string }
    const session = data as { url: string }
    if (promotionCode === undefined) return data
    try {
      return { ...session, url: checkoutUrl(session.url, { promotionCode }) }
    } catch {
      return data // A url checkoutUrl refuses is left as the API sent it; the session exists.
    }
  },
}

const retrieve = { method: 'GET', query: RetrieveParamsSchema } as const
const list = { method: 'GET', list: true, query: ListParamsSchema } as const
const page = { method: 'GET', list: true, query: PageParamsSchema } as const

/** Checkout sessions. */
export const CHECKOUT_SESSION_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/checkout-sessions',
    body: CheckoutSessionBodySchema,
    response: CreatedCheckoutSessionSchema,
    hooks: checkoutAmounts,
  },
  createForToken: {
    method: 'POST',
    path: '/checkout-sessions',
    body: CreateTokenCheckoutSessionParamsSchema,
    response: CreatedTokenCheckoutSessionSchema,
  },
  retrieve: {
    ...retrieve,
    path: '/checkout-sessions/{checkoutSession}',
    response: CheckoutSessionSchema,
  },
  list: { ...list, path: '/checkout-sessions', response: CheckoutSessionSchema },
} as const

/** Orders. */
export const ORDER_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/orders',
    body: CreateOrderParamsSchema,
    response: OrderSchema,
    sameMode: ['token'],
  },
  retrieve: { ...retrieve, path: '/orders/{order}', response: OrderSchema },
  list: { ...list, path: '/orders', response: OrderSchema },
  cancel: { method: 'PUT', path: '/orders/{order}/cancellation', response: OrderSchema },
} as const

/** Payments (captures). */
export const PAYMENT_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/payments',
    body: CreatePaymentParamsSchema,
    response: PaymentSchema,
    sameMode: ['order'],
  },
  retrieve: { ...retrieve, path: '/payments/{payment}', response: PaymentSchema },
  update: {
    method: 'PATCH',
    path: '/payments/{payment}',
    body: UpdatePaymentParamsSchema,
    response: PaymentSchema,
  },
  list: { ...list, path: '/payments', response: PaymentSchema },
} as const

/** Refunds. */
export const REFUND_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/refunds',
    body: CreateRefundParamsSchema,
    response: RefundSchema,
    sameMode: ['payment'],
  },
  retrieve: { ...retrieve, path: '/refunds/{refund}', response: RefundSchema },
  update: {
    method: 'PATCH',
    path: '/refunds/{refund}',
    body: UpdateRefundParamsSchema,
    response: RefundSchema,
  },
  list: { ...list, path: '/refunds', response: RefundSchema },
} as const

/** Webhook endpoints. */
export const WEBHOOK_ENDPOINT_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/webhook-endpoints',
    body: CreateWebhookEndpointParamsSchema,
    response: CreatedWebhookEndpointSchema,
  },
  retrieve: {
    method: 'GET',
    path: '/webhook-endpoints/{webhookEndpoint}',
    response: WebhookEndpointSchema,
  },
  update: {
    method: 'PATCH',
    path: '/webhook-endpoints/{webhookEndpoint}',
    body: UpdateWebhookEndpointParamsSchema,
    response: WebhookEndpointSchema,
  },
  list: { ...page, path: '/webhook-endpoints', response: WebhookEndpointSchema },
  delete: { method: 'DELETE', path: '/webhook-endpoints/{webhookEndpoint}' },
} as const

/** Coupons. */
export const COUPON_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/coupons',
    body: CreateCouponParamsSchema,
    response: CouponSchema,
  },
  retrieve: { method: 'GET', path: '/coupons/{coupon}', response: CouponSchema },
  update: {
    method: 'PATCH',
    path: '/coupons/{coupon}',
    body: UpdateCouponParamsSchema,
    response: CouponSchema,
  },
  list: { ...page, path: '/coupons', response: CouponSchema },
} as const

/** Promotion codes. */
export const PROMOTION_CODE_OPERATIONS = {
  create: {
    method: 'POST',
    path: '/promotion-codes',
    body: CreatePromotionCodeParamsSchema,
    response: PromotionCodeSchema,
    sameMode: ['coupon'],
  },
  retrieve: {
    method: 'GET',
    path: '/promotion-codes/{promotionCode}',
    response: PromotionCodeSchema,
  },
  update: {
    method: 'PATCH',
    path: '/promotion-codes/{promotionCode}',
    body: UpdatePromotionCodeParamsSchema,
    response: PromotionCodeSchema,
  },
  list: { ...page, path: '/promotion-codes', response: PromotionCodeSchema },
} as const

/** Payment tokens. */
export const TOKEN_OPERATIONS = {
  retrieve: { method: 'GET', path: '/tokens/{token}', response: TokenSchema },
  list: { ...page, path: '/tokens', response: TokenSchema },
  enable: { method: 'PUT', path: '/tokens/{token}/enable' },
  disable: { method: 'PUT', path: '/tokens/{token}/disable' },
  delete: { method: 'DELETE', path: '/tokens/{token}' },
} as const

/** Every operation, by resource: what the docs, the tests and the sandbox check are built from. */
export const SERVER_OPERATIONS = {
  checkoutSessions: CHECKOUT_SESSION_OPERATIONS,
  orders: ORDER_OPERATIONS,
  payments: PAYMENT_OPERATIONS,
  refunds: REFUND_OPERATIONS,
  webhookEndpoints: WEBHOOK_ENDPOINT_OPERATIONS,
  coupons: COUPON_OPERATIONS,
  promotionCodes: PROMOTION_CODE_OPERATIONS,
  tokens: TOKEN_OPERATIONS,
} as const

// Type-only: every `{kind}` in a path is an id kind the client checks, and every `sameMode`
// field is a field of the body.
type Tables = typeof SERVER_OPERATIONS
type Assert<T extends true> = T
export type TablesChecked = Assert<
  Tables extends { [R in keyof Tables]: CheckedTable<Tables[R]> } ? true : false
>
