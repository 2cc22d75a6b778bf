import type { CheckoutOutcome } from './checkout-actions.js'
import type { Fault } from './faults.js'
import type { Mode } from './ids.js'
import type { ObjectKind, ObjectsByKind } from './objects.js'
import type { Delivery, WebhookEvent, WebhookRetryOptions } from './webhooks.js'

/**
 * Options of {@link startSandbox}.
 * @example
 * const sandbox = await startSandbox({ port: 4010, webhookRetry: { maxAttempts: 1 } })
 */
export interface SandboxOptions {
  /** Port on 127.0.0.1. @default 0 (any free port) */
  port?: number
  /** Accept only these keys; by default any `^(pk|sk)_(test|live)_[0-9A-Za-z]+$` key works. */
  keys?: readonly string[]
  /** Webhook retry schedule. @default { baseMs: 500, maxAttempts: 8, timeoutMs: 5000 } */
  webhookRetry?: WebhookRetryOptions
  /** Reuse a key and certificate chain instead of generating one; `ca` defaults to `cert`. */
  tls?: { key: string; cert: string; ca?: string }
  /** Called once per served request (the CLI prints these). */
  onRequest?: (entry: RequestLogEntry) => void
}

/** One served request, for logs. */
export interface RequestLogEntry {
  requestId: string
  method: string
  path: string
  status: number | 'dropped' | 'hung'
  ms: number
  mode?: Mode
  replayed?: boolean
  fault?: Fault['kind']
}

/** A running sandbox. */
export interface Sandbox {
  /** `https://127.0.0.1:PORT`; the API is under `${url}/v1`. */
  url: string
  /** `${url}/v1`, a base URL for clients. */
  apiUrl: string
  port: number
  /** The PEM certificate to trust (self-signed, so it is its own CA). */
  ca: string
  /** Every object of `kind` in `mode` (default test), oldest first. */
  objects<K extends ObjectKind>(kind: K, mode?: Mode): ObjectsByKind[K][]
  /** Every event emitted, oldest first. */
  events(mode?: Mode): WebhookEvent[]
  /** A snapshot of the webhook delivery log. */
  deliveries(): Delivery[]
  /** Resolves when no webhook delivery is pending. */
  settled(): Promise<void>
  /** Queues a fault for the next matching `/v1` request(s). */
  inject(fault: Fault): void
  /** Removes queued faults. */
  clearFaults(): void
  /** What the hosted page's Authorize button does. */
  authorize(sessionId: string, options?: { promotionCode?: string }): CheckoutOutcome
  /** What the hosted page's Cancel button does. */
  cancel(sessionId: string): CheckoutOutcome
  /** Empties the store, idempotency keys, events, deliveries and faults. */
  reset(): void
  /** Closes the server and every open connection, and stops webhook retries. */
  stop(): Promise<void>
}
