/**
 * @smartpay-kit/sandbox: a local Smartpay test-mode API. In-process with `createSandbox()`
 * from `@smartpay-kit/sandbox/fetch` (no server, no certificate), or over HTTPS on 127.0.0.1
 * with `startSandbox()`: point a client at `sandbox.apiUrl`, trust `sandbox.ca`.
 * @packageDocumentation
 */
export { KEY_PATTERN, PUBLIC_OPERATION_NAMES } from './api/auth.js'
export type { Collection } from './api/collection.js'
export * from './commonExports.js'
export type { ErrorBody, ErrorDetail } from './domain/errors.js'
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
} from './domain/objects.js'
export type { Sandbox, SandboxOptions } from './engine/sandbox.js'
export { runCli } from './hosts/node/runCli.js'
export { startSandbox } from './hosts/node/server.js'
export {
  base62Decode,
  signWebhookMessage,
  webhookSignature,
} from './hosts/node/signature.js'
export type { SandboxCertificate } from './hosts/node/tls.js'
