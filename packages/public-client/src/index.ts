/**
 * @smartpay-kit/public-client — Smartpay for checkout pages in the browser: public keys only,
 * redirect helpers that bundle no HTTP client, and one API read (the checkout session).
 * The build plugins that keep secret keys out of client bundles are in `@smartpay-kit/firewall`.
 * @packageDocumentation
 */

// Client
// Errors the client throws (from core, so a checkout page needs one import)
export {
  AbortError,
  ApiPromise,
  type ApiResult,
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  type CheckoutTarget,
  type CheckoutUrlOptions,
  ConnectionError,
  checkoutUrl,
  fingerprint,
  InsecureUrlError,
  InvalidKeyError,
  isSmartpayError,
  type Mode,
  NotFoundError,
  PermissionDeniedError,
  type PublicKey,
  parsePublicKey,
  RateLimitError,
  RedirectError,
  type ResponseMeta,
  SmartpayError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from '@smartpay-kit/core'
// Checkout redirect (no HTTP client involved)
export { type RedirectOptions, redirectToCheckout } from './checkout/redirect.js'
export {
  createPublicClient,
  type PublicClient,
  type PublicClientOptions,
} from './createPublicClient.js'
// Keys
export { ROLL_KEYS_URL, SECRET_KEY_IN_CLIENT_CODE } from './keys/refuseSecretKey.js'
export {
  type Operation,
  PUBLIC_OPERATIONS,
  type PublicOperationName,
  type RequestOptions,
} from './operations.js'
export type {
  CheckoutSession,
  CheckoutSessionOrder,
  CheckoutSessionToken,
  ExpandedCheckoutSession,
  OrderStatus,
  UnexpandedCheckoutSession,
} from './resources/CheckoutSession.js'
export type {
  CheckoutSessions,
  RetrieveCheckoutSessionParams,
} from './resources/checkoutSessions.js'
