import type { SmartpayError } from '../errors/SmartpayError.js'
import type { ResponseMeta } from './ApiPromise.js'

/**
 * What a hook is told of a call. Never a key (the client's key is only ever shown as a
 * fingerprint, and key-shaped text in bodies is redacted); no body unless `logBodies` is on.
 */
export interface RequestEvent {
  method: string
  /** Path below the base URL, e.g. `/orders/order_test_…`. */
  path: string
  /** Which attempt this is (1 for the first), or how many were made, at the end of a call. */
  attempt: number
  /** The `Idempotency-Key` sent, for mutating calls (the same on every attempt). */
  idempotencyKey: string | undefined
  /** HTTP status: the answer's (response, error) or the failed attempt's (retry), if any. */
  status?: number | undefined
  /** The API's request id, when it sent one. */
  requestId?: string | undefined
  /** Milliseconds since the call started. */
  durationMs: number
  /** The failure: the call's (error) or the failed attempt's (retry). */
  error?: SmartpayError | undefined
  /** With `logBodies`: the JSON sent (request) or received (response), keys redacted. */
  body?: string | undefined
}

/**
 * Per-client hooks, the one place to plug a logger or metrics. A hook that throws is ignored:
 * it never changes the call's outcome.
 * @example hooks: { onResponse: (e) => log.info(`${e.method} ${e.path} ${e.status} ${e.durationMs}ms`) }
 */
export interface Hooks {
  /** Each attempt, as it is sent. */
  onRequest?: ((event: RequestEvent) => void) | undefined
  /** Before each attempt after the first, with the failed attempt's status and error. */
  onRetry?: ((event: RequestEvent) => void) | undefined
  /** The call succeeded. */
  onResponse?: ((event: RequestEvent) => void) | undefined
  /** The call failed, after its retries. */
  onError?: ((event: RequestEvent) => void) | undefined
}

/** The name of the `node:diagnostics_channel` tracing channel the server transport publishes on. */
export const TRACING_CHANNEL = 'smartpay:request'

/**
 * What a `smartpay:request` subscriber gets as the context of each call: the same fields as a
 * hook, and `result` (`{ meta }`, the {@link ResponseMeta}) or `error` (the typed error) once
 * the call settles. Metadata only: never a key (anything key-shaped shows its fingerprint) and
 * never a body, the API's or a proxy's.
 */
export interface TraceContext {
  method: string
  path: string
  idempotencyKey: string | undefined
  result?: { meta: ResponseMeta }
  error?: unknown
}
