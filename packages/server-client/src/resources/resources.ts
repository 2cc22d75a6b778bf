import type { Transport } from '@smartpay-kit/core'
import type {
  CheckoutSession,
  CreateCheckoutSessionParams,
  CreatedCheckoutSession,
  CreatedTokenCheckoutSession,
  CreateTokenCheckoutSessionParams,
} from '../schemas/checkoutSession.js'
import type { Coupon, CreateCouponParams, UpdateCouponParams } from '../schemas/coupon.js'
import type { CreateOrderParams, Order } from '../schemas/order.js'
import type { CreatePaymentParams, Payment, UpdatePaymentParams } from '../schemas/payment.js'
import type {
  CreatePromotionCodeParams,
  PromotionCode,
  UpdatePromotionCodeParams,
} from '../schemas/promotionCode.js'
import type { CreateRefundParams, Refund, UpdateRefundParams } from '../schemas/refund.js'
import type { Token } from '../schemas/token.js'
import type {
  CreatedWebhookEndpoint,
  CreateWebhookEndpointParams,
  UpdateWebhookEndpointParams,
  WebhookEndpoint,
} from '../schemas/webhookEndpoint.js'
import type { Create, List, OnId, Page, Retrieve, Update } from './methods.js'
import { resource } from './operation.js'
import {
  CHECKOUT_SESSION_OPERATIONS,
  COUPON_OPERATIONS,
  ORDER_OPERATIONS,
  PAYMENT_OPERATIONS,
  PROMOTION_CODE_OPERATIONS,
  REFUND_OPERATIONS,
  TOKEN_OPERATIONS,
  WEBHOOK_ENDPOINT_OPERATIONS,
} from './operations.js'

// The eight resources users hold: each one's methods with their signatures and documentation,
// and its factory, which builds the methods from the resource's rows in `operations.ts`.

/** The `checkoutSessions` resource of a server client. */
export interface CheckoutSessionsResource {
  /**
   * Creates a checkout session for a one-off order; the returned session has the order expanded.
   * `amount`, `currency` and item currencies may be left out and are then computed from the
   * items and the shipping fee (discount items subtract, tax items add, `quantity` counts).
   * @example
   * const session = await smartpay.checkoutSessions.create({
   *   items: [{ name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 }],
   *   shippingInfo: { address: { line1: '1-1 Chiyoda', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' } },
   *   customerInfo: { emailAddress: 'hanako@example.com' },
   *   successUrl: 'https://shop.example/thanks',
   *   cancelUrl: 'https://shop.example/cart',
   * })
   * redirect(smartpay.checkoutUrl(session))
   */
  create: Create<CreateCheckoutSessionParams, CreatedCheckoutSession>
  /**
   * Creates a checkout session that registers a reusable payment token (`mode: 'token'`,
   * filled in for you); charge the token later with `orders.create`.
   */
  createForToken: Create<CreateTokenCheckoutSessionParams, CreatedTokenCheckoutSession>
  /**
   * Retrieves a checkout session; `expand: 'all'` returns its order or token in full (and
   * types them so); without it they are ids.
   * @example await smartpay.checkoutSessions.retrieve('checkout_test_…', { expand: 'all' })
   */
  retrieve: Retrieve<CheckoutSession>
  /** Lists checkout sessions: await one page or `for await` every session. */
  list: List<CheckoutSession>
}

/** Checkout sessions: the hosted page where a shopper authorizes an order or a token. */
export function checkoutSessionsResource(transport: Transport): CheckoutSessionsResource {
  return resource(transport, CHECKOUT_SESSION_OPERATIONS)
}

/** The `orders` resource of a server client. */
export interface OrdersResource {
  /**
   * Creates an order by charging an active payment token (from `createForToken`).
   * Unlike checkout sessions, `amount` and every currency must be given.
   */
  create: Create<CreateOrderParams, Order>
  /**
   * Retrieves an order; `expand: 'all'` returns its line items, payments and discounts in full.
   * @example const order = await smartpay.orders.retrieve(id)
   * if (order.status === 'requires_capture') await smartpay.payments.create({ order: id, amount: order.amount, currency: 'JPY' })
   */
  retrieve: Retrieve<Order>
  /** Lists orders: await one page or `for await` every order. */
  list: List<Order>
  /**
   * Cancels what is left uncaptured of an order (only from `requires_capture`; otherwise a
   * `ConflictError` with code `order.cannot-cancel`).
   */
  cancel: OnId<Order>
}

/** Orders: what a shopper agreed to pay. Created by checkout, or from a token here. */
export function ordersResource(transport: Transport): OrdersResource {
  return resource(transport, ORDER_OPERATIONS)
}

/** The `payments` resource of a server client. */
export interface PaymentsResource {
  /**
   * Captures (part of) an authorized order. A retry with the same idempotency key never
   * captures twice.
   * @example
   * await smartpay.payments.create({ order: 'order_test_…', amount: 2400, currency: 'JPY' })
   */
  create: Create<CreatePaymentParams, Payment>
  /** Same as `create`: captures (part of) an authorized order. */
  capture: Create<CreatePaymentParams, Payment>
  /** Retrieves a payment; `expand: 'all'` returns its order and line items in full. */
  retrieve: Retrieve<Payment>
  /** Updates a payment's `reference`, `description` or `metadata`. */
  update: Update<UpdatePaymentParams, Payment>
  /** Lists payments: await one page or `for await` every payment. */
  list: List<Payment>
}

/** Payments: captures of authorized orders. */
export function paymentsResource(transport: Transport): PaymentsResource {
  return resource(transport, PAYMENT_OPERATIONS, { capture: 'create' })
}

/** The `refunds` resource of a server client. */
export interface RefundsResource {
  /**
   * Refunds (part of) a payment; repeat until it is fully refunded.
   * @example
   * await smartpay.refunds.create({ payment: 'payment_test_…', amount: 1200, currency: 'JPY', reason: 'requested_by_customer' })
   */
  create: Create<CreateRefundParams, Refund>
  /** Retrieves a refund; `expand: 'all'` returns its payment in full. */
  retrieve: Retrieve<Refund>
  /** Updates a refund's `reference`, `description` or `metadata`. */
  update: Update<UpdateRefundParams, Refund>
  /** Lists refunds: await one page or `for await` every refund. */
  list: List<Refund>
}

/** Refunds: money returned from a payment. Refunds are final. */
export function refundsResource(transport: Transport): RefundsResource {
  return resource(transport, REFUND_OPERATIONS)
}

/** The `webhookEndpoints` resource of a server client. */
export interface WebhookEndpointsResource {
  /**
   * Registers a webhook URL. The response is the only place the endpoint's `signingSecret`
   * appears: store it as a secret for `verifyWebhook`.
   * @example
   * const { signingSecret } = await smartpay.webhookEndpoints.create({ url: 'https://shop.example/webhooks/smartpay', eventSubscriptions: ['order.authorized'] })
   */
  create: Create<CreateWebhookEndpointParams, CreatedWebhookEndpoint>
  /** Retrieves a webhook endpoint. */
  retrieve: OnId<WebhookEndpoint>
  /** Updates a webhook endpoint; `active: false` pauses deliveries. */
  update: Update<UpdateWebhookEndpointParams, WebhookEndpoint>
  /** Lists webhook endpoints: await one page or `for await` every endpoint. */
  list: Page<WebhookEndpoint>
  /** Deletes a webhook endpoint; resolves to `undefined` (the API answers 204). */
  delete: OnId<void>
}

/** Webhook endpoints: the URLs Smartpay posts events to. */
export function webhookEndpointsResource(transport: Transport): WebhookEndpointsResource {
  return resource(transport, WEBHOOK_ENDPOINT_OPERATIONS)
}

/** The `coupons` resource of a server client. */
export interface CouponsResource {
  /**
   * Creates a coupon: a fixed amount off, or a percentage off.
   * @example
   * await smartpay.coupons.create({ name: 'Spring', discountType: 'percentage', discountPercentage: 10 })
   */
  create: Create<CreateCouponParams, Coupon>
  /** Retrieves a coupon. */
  retrieve: OnId<Coupon>
  /** Updates a coupon's `active`, `name` or `metadata`. */
  update: Update<UpdateCouponParams, Coupon>
  /** Lists coupons: await one page or `for await` every coupon. */
  list: Page<Coupon>
}

/** Coupons: discounts that promotion codes hand out to shoppers. */
export function couponsResource(transport: Transport): CouponsResource {
  return resource(transport, COUPON_OPERATIONS)
}

/** The `promotionCodes` resource of a server client. */
export interface PromotionCodesResource {
  /**
   * Creates a promotion code for a coupon (`ConflictError` with code `promotion-code.exists`
   * when the code is taken).
   * @example
   * await smartpay.promotionCodes.create({ code: 'SPRING10', coupon: 'coupon_test_…' })
   */
  create: Create<CreatePromotionCodeParams, PromotionCode>
  /** Retrieves a promotion code. */
  retrieve: OnId<PromotionCode>
  /** Updates a promotion code's `active` or `metadata`. */
  update: Update<UpdatePromotionCodeParams, PromotionCode>
  /** Lists promotion codes: await one page or `for await` every code. */
  list: Page<PromotionCode>
}

/** Promotion codes: the codes shoppers type (or you pass to `checkoutUrl`) to get a coupon. */
export function promotionCodesResource(transport: Transport): PromotionCodesResource {
  return resource(transport, PROMOTION_CODE_OPERATIONS)
}

/** The `tokens` resource of a server client. */
export interface TokensResource {
  /** Retrieves a payment token. */
  retrieve: OnId<Token>
  /** Lists payment tokens: await one page or `for await` every token. */
  list: Page<Token>
  /** Re-enables a disabled token; resolves to `undefined` (the API answers with no body). */
  enable: OnId<void>
  /** Disables a token until `enable`; resolves to `undefined`. */
  disable: OnId<void>
  /** Deletes a token for good; resolves to `undefined` (the API answers 204). */
  delete: OnId<void>
}

/** Payment tokens: a shopper's consent, from `createForToken`, to be charged by `orders.create`. */
export function tokensResource(transport: Transport): TokensResource {
  return resource(transport, TOKEN_OPERATIONS)
}
