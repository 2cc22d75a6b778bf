/**
 * @smartpay-kit/server-client — the Smartpay API for merchant servers, with a secret key.
 * Webhook verification lives in `@smartpay-kit/server-client/webhooks`.
 * @packageDocumentation
 */

// Calls and pages
export type {
  ApiPromise,
  ApiResult,
  CallOptions,
  Page,
  PagePromise,
  ResponseMeta,
  RetryTuning,
  Transport,
} from '@smartpay-kit/core'
// Observability
// Keys
// Errors
export {
  AbortError,
  ApiServerError,
  type AppInfo,
  AuthenticationError,
  BadRequestError,
  type CheckoutTarget,
  type CheckoutUrlOptions,
  ConflictError,
  ConnectionError,
  checkoutUrl,
  fingerprint,
  type Hooks,
  InsecureUrlError,
  InvalidKeyError,
  isSmartpayError,
  keyMode,
  type Mode,
  NotFoundError,
  PermissionDeniedError,
  parseSecretKey,
  RateLimitError,
  RedirectError,
  type RequestEvent,
  type SecretKey,
  SmartpayError,
  TimeoutError,
  TRACING_CHANNEL,
  type TraceContext,
  UnexpectedResponseError,
  ValidationError,
} from '@smartpay-kit/core'
// Client
export { BrowserEnvironmentError } from './BrowserEnvironmentError.js'
export { normalizeCheckoutSession } from './checkout/amount.js'
export {
  createServerClient,
  createServerTransport,
  type ServerClient,
  type ServerClientOptions,
} from './createServerClient.js'
// Ids
export { ID_PREFIXES, type IdKind, isValidId } from './ids.js'
export type { RawRequest } from './request.js'
// Resources: each one's interface, and its factory for bundles that need only some
export * from './resources/resources.js'
// Objects the API returns
// Parameters
export type { Address, AddressParams, ShippingInfo, ShippingInfoParams } from './schemas/address.js'
export {
  type CheckoutSession,
  CheckoutSessionSchema,
  type CreateCheckoutSessionParams,
  CreateCheckoutSessionParamsSchema,
  type CreatedCheckoutSession,
  CreatedCheckoutSessionSchema,
  type CreatedTokenCheckoutSession,
  CreatedTokenCheckoutSessionSchema,
  type CreateTokenCheckoutSessionParams,
  CreateTokenCheckoutSessionParamsSchema,
} from './schemas/checkoutSession.js'
export type { ListParams, PageParams, RetrieveParams } from './schemas/collection.js'
export type { AnyObject, Metadata } from './schemas/common.js'
export {
  type Coupon,
  CouponSchema,
  type CreateAmountCouponParams,
  type CreateCouponParams,
  CreateCouponParamsSchema,
  type CreatePercentageCouponParams,
  type UpdateCouponParams,
  UpdateCouponParamsSchema,
} from './schemas/coupon.js'
export type { CustomerInfo, CustomerInfoParams } from './schemas/customer.js'
export { type Discount, DiscountSchema } from './schemas/discount.js'
// Enumerations (`Schema.options` lists the values)
export {
  type AddressType,
  AddressTypeSchema,
  type CancelRemainder,
  CancelRemainderSchema,
  type CaptureMethod,
  CaptureMethodSchema,
  type Currency,
  CurrencySchema,
  type DiscountType,
  DiscountTypeSchema,
  type EventType,
  EventTypeSchema,
  type Expand,
  ExpandSchema,
  type LineItemKind,
  LineItemKindSchema,
  type Locale,
  LocaleSchema,
  type OrderStatus,
  OrderStatusSchema,
  type PaymentStatus,
  PaymentStatusSchema,
  type RefundReason,
  RefundReasonSchema,
  type RefundStatus,
  RefundStatusSchema,
  type TokenStatus,
  TokenStatusSchema,
} from './schemas/enums.js'
export type { Expanded, Unexpanded, WithExpand } from './schemas/expand.js'
export type { CheckoutItemParams, ItemParams, Price, Product } from './schemas/item.js'
export { type LineItem, LineItemSchema } from './schemas/item.js'
export {
  type CreateOrderParams,
  CreateOrderParamsSchema,
  type Order,
  OrderSchema,
} from './schemas/order.js'
export {
  type CreatePaymentParams,
  CreatePaymentParamsSchema,
  type Payment,
  PaymentSchema,
  type UpdatePaymentParams,
  UpdatePaymentParamsSchema,
} from './schemas/payment.js'
export {
  type CreatePromotionCodeParams,
  CreatePromotionCodeParamsSchema,
  type PromotionCode,
  PromotionCodeSchema,
  type UpdatePromotionCodeParams,
  UpdatePromotionCodeParamsSchema,
} from './schemas/promotionCode.js'
export {
  type CreateRefundParams,
  CreateRefundParamsSchema,
  type Refund,
  RefundSchema,
  type UpdateRefundParams,
  UpdateRefundParamsSchema,
} from './schemas/refund.js'
export { type Token, TokenSchema } from './schemas/token.js'
export {
  type CreatedWebhookEndpoint,
  CreatedWebhookEndpointSchema,
  type CreateWebhookEndpointParams,
  CreateWebhookEndpointParamsSchema,
  type UpdateWebhookEndpointParams,
  UpdateWebhookEndpointParamsSchema,
  type WebhookEndpoint,
  WebhookEndpointSchema,
} from './schemas/webhookEndpoint.js'
