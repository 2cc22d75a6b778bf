/**
 * @smartpay-kit/core — what both Smartpay clients stand on: keys, HTTPS-only transport with
 * retries and idempotency, typed errors, schema validation and pagination.
 * @packageDocumentation
 */

// Errors
export {
  AbortError,
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  errorClassForStatus,
  InsecureUrlError,
  InvalidKeyError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  RedirectError,
  STATUS_ERRORS,
  TimeoutError,
  UnexpectedResponseError,
  ValidationError,
} from './errors/errors'
export { redactKeys } from './errors/redact'
export { type ErrorContext, isSmartpayError, SmartpayError } from './errors/SmartpayError'
// Keys
export { fingerprint } from './keys/fingerprint'
export {
  type ApiKey,
  type KeyKind,
  keyKind,
  keyMode,
  looksLikeSecretKey,
  type Mode,
  type PublicKey,
  parsePublicKey,
  parseSecretKey,
  type SecretKey,
} from './keys/keys'
// Checkout
export { type CheckoutTarget, type CheckoutUrlOptions, checkoutUrl } from './checkout/checkoutUrl'

// Schemas and pagination
export { type Collection, type Page, PagePromise, TO_ARRAY_MAX } from './pagination/Page'
export { type Schema, validateParams, validateResponse } from './schemas/validate'
// Transport
export { ApiPromise, type ApiResult, type ResponseMeta } from './transport/ApiPromise'
export { type AuthScheme, authorizationHeader } from './transport/auth'
export { DEFAULT_BASE_URL, resolveBaseUrl } from './transport/baseUrl'
export { createIdempotencyKey, MUTATING_METHODS } from './transport/idempotency'
export type { CallOptions, RetryTuning, TransportOptions } from './transport/options'
export {
  createTransport,
  type Method,
  type Query,
  type RequestSpec,
  type Transport,
} from './transport/transport'
