/**
 * @smartpay-kit/core — what both Smartpay clients stand on: keys, HTTPS-only transport with
 * retries and idempotency, typed errors and pagination. This entry is the public API; the
 * plumbing only the clients use is in `@smartpay-kit/core/internal`.
 * @packageDocumentation
 */

// Checkout
export {
  type CheckoutTarget,
  type CheckoutUrlOptions,
  checkoutUrl,
} from './checkout/checkoutUrl.js'
// Errors
export {
  AbortError,
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  InsecureUrlError,
  InvalidKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors/errors.js'
export { type ErrorContext, isSmartpayError, SmartpayError } from './errors/SmartpayError.js'
// Keys
export { ROLL_KEYS_URL, SECRET_KEY_IN_CLIENT_CODE } from './keys/exposedKeyError.js'
export { fingerprint } from './keys/fingerprint.js'
export {
  type ApiKey,
  type KeyKind,
  keyKind,
  keyMode,
  type Mode,
  type PublicKey,
  parsePublicKey,
  parseSecretKey,
  type SecretKey,
} from './keys/keys.js'
// Pagination
export {
  type Collection,
  type Page,
  PagePromise,
  paginate,
  TO_ARRAY_MAX,
} from './pagination/Page.js'
// Schemas (the Standard Schema types requests are checked with)
export type { StandardIssue, StandardResult, StandardSchemaV1 } from './schemas/standard.js'
export type { Schema } from './schemas/validate.js'
// Transport
export { ApiPromise, type ApiResult, type ResponseMeta } from './transport/ApiPromise.js'
export type { AuthScheme } from './transport/auth.js'
export { DEFAULT_BASE_URL } from './transport/baseUrl.js'
export type { Connection, RequestSpec, Transport } from './transport/Connection.js'
export { createTransport } from './transport/createTransport.js'
export {
  type Hooks,
  type RequestEvent,
  TRACING_CHANNEL,
  type TraceContext,
} from './transport/hooks.js'
export type {
  CallOptions,
  Method,
  Query,
  ReadCallOptions,
  ReadTransportOptions,
  RetryTuning,
  TransportOptions,
} from './transport/options.js'
export { type AppInfo, VERSION } from './transport/userAgent.js'
