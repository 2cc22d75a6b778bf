import { checkoutUrl } from '@smartpay-kit/core'
import { validateParams } from '@smartpay-kit/core/internal'
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
import {
  type CheckedTable,
  del,
  get,
  list,
  type OperationHooks,
  patch,
  post,
  put,
} from './operation.js'

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

// One row per operation: `get`, `list`, `post`, `patch`, `put`, `del` (see `operation.ts`).

/** Checkout sessions. */
// biome-ignore format: one row an operation
export const CHECKOUT_SESSION_OPERATIONS = {
  create: post('/checkout-sessions', CheckoutSessionBodySchema, CreatedCheckoutSessionSchema, { hooks: checkoutAmounts }),
  createForToken: post('/checkout-sessions', CreateTokenCheckoutSessionParamsSchema, CreatedTokenCheckoutSessionSchema),
  retrieve: get('/checkout-sessions/{checkoutSession}', CheckoutSessionSchema, RetrieveParamsSchema),
  list: list('/checkout-sessions', CheckoutSessionSchema, ListParamsSchema),
} as const

/** Orders. */
// biome-ignore format: one row an operation
export const ORDER_OPERATIONS = {
  create: post('/orders', CreateOrderParamsSchema, OrderSchema, { sameMode: ['token'] }),
  retrieve: get('/orders/{order}', OrderSchema, RetrieveParamsSchema),
  list: list('/orders', OrderSchema, ListParamsSchema),
  cancel: put('/orders/{order}/cancellation', OrderSchema),
} as const

/** Payments (captures). */
// biome-ignore format: one row an operation
export const PAYMENT_OPERATIONS = {
  create: post('/payments', CreatePaymentParamsSchema, PaymentSchema, { sameMode: ['order'] }),
  retrieve: get('/payments/{payment}', PaymentSchema, RetrieveParamsSchema),
  update: patch('/payments/{payment}', UpdatePaymentParamsSchema, PaymentSchema),
  list: list('/payments', PaymentSchema, ListParamsSchema),
} as const

/** Refunds. */
// biome-ignore format: one row an operation
export const REFUND_OPERATIONS = {
  create: post('/refunds', CreateRefundParamsSchema, RefundSchema, { sameMode: ['payment'] }),
  retrieve: get('/refunds/{refund}', RefundSchema, RetrieveParamsSchema),
  update: patch('/refunds/{refund}', UpdateRefundParamsSchema, RefundSchema),
  list: list('/refunds', RefundSchema, ListParamsSchema),
} as const

/** Webhook endpoints. */
// biome-ignore format: one row an operation
export const WEBHOOK_ENDPOINT_OPERATIONS = {
  create: post('/webhook-endpoints', CreateWebhookEndpointParamsSchema, CreatedWebhookEndpointSchema),
  retrieve: get('/webhook-endpoints/{webhookEndpoint}', WebhookEndpointSchema),
  update: patch('/webhook-endpoints/{webhookEndpoint}', UpdateWebhookEndpointParamsSchema, WebhookEndpointSchema),
  list: list('/webhook-endpoints', WebhookEndpointSchema, PageParamsSchema),
  delete: del('/webhook-endpoints/{webhookEndpoint}'),
} as const

/** Coupons. */
// biome-ignore format: one row an operation
export const COUPON_OPERATIONS = {
  create: post('/coupons', CreateCouponParamsSchema, CouponSchema),
  retrieve: get('/coupons/{coupon}', CouponSchema),
  update: patch('/coupons/{coupon}', UpdateCouponParamsSchema, CouponSchema),
  list: list('/coupons', CouponSchema, PageParamsSchema),
} as const

/** Promotion codes. */
// biome-ignore format: one row an operation
export const PROMOTION_CODE_OPERATIONS = {
  create: post('/promotion-codes', CreatePromotionCodeParamsSchema, PromotionCodeSchema, { sameMode: ['coupon'] }),
  retrieve: get('/promotion-codes/{promotionCode}', PromotionCodeSchema),
  update: patch('/promotion-codes/{promotionCode}', UpdatePromotionCodeParamsSchema, PromotionCodeSchema),
  list: list('/promotion-codes', PromotionCodeSchema, PageParamsSchema),
} as const

/** Payment tokens. */
// biome-ignore format: one row an operation
export const TOKEN_OPERATIONS = {
  retrieve: get('/tokens/{token}', TokenSchema),
  list: list('/tokens', TokenSchema, PageParamsSchema),
  enable: put('/tokens/{token}/enable'),
  disable: put('/tokens/{token}/disable'),
  delete: del('/tokens/{token}'),
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

// Type-only: every `{kind}` in a path is an id kind the client checks (`post` checks that every
// `sameMode` field is a field of the body).
type Tables = typeof SERVER_OPERATIONS
type Assert<T extends true> = T
export type TablesChecked = Assert<
  Tables extends { [R in keyof Tables]: CheckedTable<Tables[R]> } ? true : false
>
