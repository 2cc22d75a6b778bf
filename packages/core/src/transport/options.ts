import * as v from 'valibot'
import type { ApiKey } from '../keys/keys.js'
import type { AuthScheme } from './auth.js'

/** Backoff tuning; the defaults suit the real API. */
export interface RetryTuning {
  /** First backoff step; doubles each retry, with equal jitter. @default 500 */
  baseDelayMs?: number
  /** Largest backoff step. @default 8000 */
  maxDelayMs?: number
  /** Largest `Retry-After` honoured; longer waits end the call. @default 20000 */
  maxRetryAfterMs?: number
}

/** Options shared by both clients; each client adds its own key option on top. */
export interface TransportOptions {
  /** @default 'https://api.smartpay.co/v1' */
  baseUrl?: string
  /** How the key is sent; each client has its own default. */
  authScheme?: AuthScheme
  /** Milliseconds one attempt may take. @default 30000 */
  timeout?: number
  /** Milliseconds the whole call may take, retries and backoff included. @default 60000 */
  totalTimeout?: number
  /** Retries after the first attempt, on network errors, timeouts, 429 and 5xx. @default 2 */
  maxRetries?: number
  /** Backoff tuning. */
  retry?: RetryTuning
  /** A `fetch` to use instead of the global one (a test double, or one with a custom agent). */
  fetch?: typeof fetch
  /** Check every response against its schema and throw on a shape the SDK does not know. @default false */
  validateResponses?: boolean
  /** Allow `http://` to loopback hosts only, for local mock servers. Never in production. */
  dangerouslyAllowInsecureLoopback?: boolean
}

/** Per-call options, accepted as the last argument of every method. */
export interface CallOptions {
  /** Cancels the call; it then rejects with `AbortError`. */
  signal?: AbortSignal
  /** Milliseconds one attempt may take, for this call. */
  timeout?: number
  /** Milliseconds the whole call may take, for this call. */
  totalTimeout?: number
  /** Retries for this call. */
  maxRetries?: number
  /** Your own idempotency key for a mutating call (reuse it to retry safely yourself). */
  idempotencyKey?: string
}

/** {@link TransportOptions} with defaults applied, plus the key. */
export interface ResolvedTransportOptions {
  key: ApiKey
  baseUrl: string
  authScheme: AuthScheme
  timeout: number
  totalTimeout: number
  maxRetries: number
  retry: Required<RetryTuning>
  fetch: typeof fetch | undefined
  validateResponses: boolean
}

const milliseconds = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(2_147_483_647))
const retries = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10))

/** Shape of {@link TransportOptions}; anything else is refused before a request. */
export const TransportOptionsSchema = v.object({
  baseUrl: v.optional(v.string()),
  authScheme: v.optional(v.picklist(['basic', 'bearer'])),
  timeout: v.optional(milliseconds),
  totalTimeout: v.optional(milliseconds),
  maxRetries: v.optional(retries),
  retry: v.optional(
    v.object({
      baseDelayMs: v.optional(v.pipe(v.number(), v.minValue(0))),
      maxDelayMs: v.optional(v.pipe(v.number(), v.minValue(0))),
      maxRetryAfterMs: v.optional(v.pipe(v.number(), v.minValue(0))),
    }),
  ),
  fetch: v.optional(v.function()),
  validateResponses: v.optional(v.boolean()),
  dangerouslyAllowInsecureLoopback: v.optional(v.boolean()),
})

/** Shape of {@link CallOptions}. */
export const CallOptionsSchema = v.object({
  signal: v.optional(
    v.custom<AbortSignal>((s) => s instanceof AbortSignal, 'Expected an AbortSignal'),
  ),
  timeout: v.optional(milliseconds),
  totalTimeout: v.optional(milliseconds),
  maxRetries: v.optional(retries),
  idempotencyKey: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[\x21-\x7e]{1,255}$/, 'Expected 1–255 printable ASCII characters'),
    ),
  ),
})

export const DEFAULTS = {
  timeout: 30_000,
  totalTimeout: 60_000,
  maxRetries: 2,
  retry: { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 20_000 },
} as const
