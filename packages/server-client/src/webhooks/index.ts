/**
 * @smartpay-kit/server-client/webhooks — receive Smartpay webhook deliveries: a Fetch handler
 * that runs each event once, or verification alone; and sign your own deliveries to test your
 * handler. Web-standard APIs only (Web Crypto, `Request`, `Response`), so it runs wherever the
 * server client runs.
 * @packageDocumentation
 */

// Errors
export {
  isWebhookVerificationError,
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
export { WEBHOOK_HEADERS, type WebhookHeaders } from './headers.js'
export type { VerifyWebhookRequestOptions, WebhookSigningSecret } from './options.js'
export { verifyWebhookRequest } from './request.js'
// Signing, to test your own handlers
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from './sign.js'
export { computeWebhookSignature, type WebhookBody } from './signature.js'
// Where events are claimed, so each runs once (Redis, PostgreSQL and D1 have their own entries)
export type { WebhookClaim, WebhookEventStore } from './stores/eventStore.js'
export { type MemoryEventStoreOptions, memoryEventStore } from './stores/memoryEventStore.js'
export type {
  UnderstoodWebhookEvent,
  UnrecognizedWebhookEvent,
  VerifiedWebhookEvent,
} from './understand.js'
// Verifying deliveries
export { type VerifyWebhookOptions, verifyWebhook } from './verify.js'
