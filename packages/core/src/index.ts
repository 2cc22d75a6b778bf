/**
 * @smartpay-kit/core — what both Smartpay clients stand on: keys, HTTPS-only transport with
 * retries and idempotency, typed errors, schema validation and pagination.
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
} from './errors/errors.js'
export { redactKeys } from './errors/redact.js'
export { type ErrorContext, isSmartpayError, SmartpayError } from './errors/SmartpayError.js'
// Keys
export {
  exposedKeyError,
  ROLL_KEYS_URL,
  SECRET_KEY_IN_CLIENT_CODE,
} from './keys/exposedKeyError.js'
export { fingerprint } from './keys/fingerprint.js'
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
  SECRET_KEY_PATTERN,
  type SecretKey,
} from './keys/keys.js'
export { holdsSecretKey, normalizeKey } from './keys/normalizeKey.js'
// Schemas and pagination
export {
  type Collection,
  type Page,
  PagePromise,
  paginate,
  TO_ARRAY_MAX,
} from './pagination/Page.js'
// Runtime
export { isShopperBrowser, type RuntimeGlobals } from './runtime/shopperBrowser.js'
export type {
  InferOutput,
  StandardIssue,
  StandardResult,
  StandardSchemaV1,
} from './schemas/standard.js'
export { type Schema, validateParams, validateResponse } from './schemas/validate.js'
// Transport
export { ApiPromise, type ApiResult, type ResponseMeta } from './transport/ApiPromise.js'
export { type AuthScheme, authorizationHeader } from './transport/auth.js'
export { DEFAULT_BASE_URL, resolveBaseUrl } from './transport/baseUrl.js'
export { createIdempotencyKey, MUTATING_METHODS } from './transport/idempotency.js'
export {
  type Hooks,
  type RequestEvent,
  TRACING_CHANNEL,
  type TraceContext,
} from './transport/observe.js'
export type {
  CallOptions,
  ReadCallOptions,
  ReadTransportOptions,
  RetryTuning,
  TransportOptions,
} from './transport/options.js'
export {
  type Connection,
  createReadTransport,
  createTransport,
  type Method,
  type Query,
  type ReadSpec,
  type ReadTransport,
  type RequestSpec,
  type Transport,
} from './transport/transport.js'
export { type AppInfo, userAgent, VERSION } from './transport/userAgent.js'
