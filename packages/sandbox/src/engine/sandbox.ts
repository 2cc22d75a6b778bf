import type { CheckoutOutcome } from '../checkout/actions.js'
import type { SandboxClock } from '../domain/clock.js'
import type { EventType, WebhookEvent } from '../domain/events.js'
import type { Mode } from '../domain/ids.js'
import type { ObjectKind, ObjectsByKind } from '../domain/objects.js'
import type {
  Delivery,
  DeliveryLogEntry,
  ForwardTo,
  WebhookRetryOptions,
} from '../webhooks/delivery.js'
import type { Fault } from './controls/faults.js'

/** Options both kinds of sandbox take: the HTTPS server and the in-process one. */
export interface SandboxCoreOptions {
  /** Accept only these keys; by default any `^(pk|sk)_(test|live)_[0-9A-Za-z]+$` key works. */
  keys?: readonly string[]
  /** Webhook retry schedule. @default { baseMs: 500, maxAttempts: 8, timeoutMs: 5000 } */
  webhookRetry?: WebhookRetryOptions
  /**
   * Local URL(s) for webhook endpoints off this machine. Endpoints may have any URL (the API
   * accepts any https URL); deliveries to a non-loopback URL go to its `forwardTo` target, or,
   * unmapped, are recorded as `undeliverable` and never sent.
   * @example forwardTo: 'http://127.0.0.1:3000/webhooks'
   */
  forwardTo?: ForwardTo
  /** Called once per served request (the CLI prints these). */
  onRequest?: (entry: RequestLogEntry) => void
  /**
   * The token the `/__sandbox` controls require (`Authorization: Bearer <token>`), at least 16
   * characters: for scripts that restart the sandbox. @default a fresh random `sbx_…` token
   */
  controlToken?: string
  /** The largest request body read; a larger one gets 413. @default 1048576 (1 MiB) */
  maxBodyBytes?: number
  /** Called once per webhook delivery attempt, with its answer (the CLI prints these). */
  onDelivery?: (entry: DeliveryLogEntry) => void
}

/**
 * Options of {@link startSandbox}.
 * @example
 * const sandbox = await startSandbox({ port: 4010, webhookRetry: { maxAttempts: 1 } })
 */
export interface SandboxOptions extends SandboxCoreOptions {
  /** Port on 127.0.0.1. @default 0 (any free port) */
  port?: number
  /** Reuse a key and certificate chain instead of generating one; `ca` defaults to `cert`. */
  tls?: { key: string; cert: string; ca?: string }
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

/** What every sandbox offers, in-process or over HTTPS. */
export interface SandboxHandle {
  /** Where the sandbox is: `https://127.0.0.1:PORT`, or the in-process origin. */
  url: string
  /** `${url}/v1`, a base URL for clients. */
  apiUrl: string
  /**
   * What the `/__sandbox` controls over HTTP require, as `Authorization: Bearer <token>` (the
   * CLI prints it at start): a web page the developer visits cannot drive them.
   */
  controlToken: string
  /**
   * The sandbox as a Fetch function: requests are served in this process, with no socket,
   * port or certificate. Pass it as a client's `fetch` (with `baseUrl: sandbox.apiUrl`).
   */
  fetch: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>
  /** The sandbox's time: move it forward to expire sessions, authorizations and codes. */
  clock: SandboxClock
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
  /**
   * Emits a realistic event of `type` to the registered endpoints, creating what it needs
   * (an order, a token, a coupon…) through the same rules as the API. Returns the event.
   */
  trigger(type: EventType, options?: { mode?: Mode }): WebhookEvent
  /** Empties the store, idempotency keys, events, deliveries and faults; resets the clock. */
  reset(): void
  /** Stops webhook retries (and closes the server, for the HTTPS sandbox). */
  stop(): Promise<void>
}

/** A running HTTPS sandbox. */
export interface Sandbox extends SandboxHandle {
  /** `https://127.0.0.1:PORT`; the API is under `${url}/v1`. */
  url: string
  port: number
  /**
   * The PEM certificate of the throwaway CA that signed the server's certificate: trust this
   * (not the server certificate itself).
   */
  ca: string
}
