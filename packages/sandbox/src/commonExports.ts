// What both entry points export (`@smartpay-kit/sandbox` and `@smartpay-kit/sandbox/fetch`): the
// default keys, the sandbox's handle and clock, faults, and the webhook names.
export { DEFAULT_KEYS } from './api/auth.js'
export type { CheckoutOutcome } from './checkout/actions.js'
export type { SandboxClock } from './domain/clock.js'
export { EVENT_TYPES, type EventType, type WebhookEvent } from './domain/events.js'
export type { Mode } from './domain/ids.js'
export type { Fault, FaultKind, FaultMatch } from './engine/controls/faults.js'
export type { RequestLogEntry, SandboxCoreOptions, SandboxHandle } from './engine/sandbox.js'
export type {
  Delivery,
  DeliveryAttempt,
  DeliveryLogEntry,
  ForwardTo,
  WebhookRetryOptions,
} from './webhooks/delivery.js'
