/**
 * @smartpay-kit/server-client/webhooks — verify Smartpay webhook deliveries, and sign your own to
 * test your handlers. Web Crypto only, so it runs wherever the server client runs.
 * @packageDocumentation
 */

// Errors
export {
  isWebhookSignatureError,
  type UnknownWebhookEvent,
  WebhookSignatureError,
  type WebhookSignatureErrorReason,
} from './errors.js'
// Events
export {
  WEBHOOK_EVENT_TYPES,
  type WebhookEvent,
  type WebhookEventOf,
  WebhookEventSchema,
  type WebhookEventType,
} from './event.js'
// Signing, to test your own handlers
export { type SignedWebhook, type SignWebhookOptions, signWebhook } from './sign.js'
export { computeWebhookSignature, WEBHOOK_HEADERS, type WebhookBody } from './signature.js'
// Verifying deliveries
export {
  type VerifyWebhookOptions,
  type VerifyWebhookRequestOptions,
  verifyWebhook,
  verifyWebhookRequest,
  type WebhookHeaders,
  type WebhookSigningSecret,
} from './verify.js'
