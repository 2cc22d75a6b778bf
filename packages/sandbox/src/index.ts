/**
 * @smartpay-kit/sandbox: a local Smartpay test-mode API. In-process with `createSandbox()`
 * from `@smartpay-kit/sandbox/fetch` (no server, no certificate), or over HTTPS on 127.0.0.1
 * with `startSandbox()`: point a client at `sandbox.apiUrl`, trust `sandbox.ca`.
 * @packageDocumentation
 */
export { KEY_PATTERN, PUBLIC_OPERATION_NAMES, PUBLIC_OPERATIONS } from './auth.js'
export type { Collection } from './collection.js'
export * from './common-exports.js'
export type { ErrorBody, ErrorDetail } from './errors.js'
export type {
  CheckoutSession,
  Coupon,
  Discount,
  LineItem,
  ObjectKind,
  ObjectsByKind,
  Order,
  OrderStatus,
  Payment,
  PromotionCode,
  Refund,
  Token,
  TokenStatus,
  WebhookEndpoint,
} from './objects.js'
export { runCli } from './run-cli.js'
export type { Sandbox, SandboxOptions } from './sandbox.js'
export { startSandbox } from './server.js'
export { base62Decode, signWebhook, signWebhookMessage, webhookSignature } from './signature.js'
export type { SandboxCertificate } from './tls.js'
