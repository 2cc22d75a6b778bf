/**
 * @smartpay-kit/server-client/webhooks — receive Smartpay webhook deliveries: a Fetch handler,
 * or verification alone; and sign your own deliveries to test your handler. Web-standard APIs
 * only (Web Crypto, `Request`, `Response`), so it runs wherever the server client runs.
 * @packageDocumentation
 */

// Errors
export {
  isWebhookSignatureError,
  isWebhookVerificationError,
  type UnknownWebhookEvent,
  WebhookSignatureError,
  type WebhookSignatureErrorReason,
  WebhookVerificationError,
  type WebhookVerificationErrorReason,
} from './errors.js'
// Events
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventOf,
  WebhookEventSchema,
  type WebhookEventType,
} from './event.js'
// The handler
export {
  createWebhookHandler,
  type WebhookErrorContext,
  type WebhookEventHandlers,
  type WebhookHandler,
  type WebhookHandlerContext,
  type WebhookHandlerOptions,
} from './handler.js'
export { verifyWebhookRequest } from './request.js'
// Replays
export {
  createMemorySeenEventStore,
  type MemorySeenEventStoreOptions,
  type SeenEventStore,
} from './seenEvents.js'
// Signing, to test your own handlers
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from './sign.js'
export { computeWebhookSignature, WEBHOOK_HEADERS, type WebhookBody } from './signature.js'
export type {
  UnderstoodWebhookEvent,
  UnrecognizedWebhookEvent,
  VerifiedWebhookEvent,
} from './understand.js'
// Verifying deliveries
export {
  type VerifyWebhookOptions,
  type VerifyWebhookRequestOptions,
  verifyWebhook,
  type WebhookHeaders,
  type WebhookSigningSecret,
} from './verify.js'
