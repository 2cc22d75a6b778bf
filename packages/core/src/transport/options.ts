import type { errorHint } from '../errors/hints.js'
import type { Redaction } from '../errors/redact.js'
import type { AuthScheme } from './auth.js'
import type { Hooks } from './hooks.js'
import type { AppInfo } from './userAgent.js'

/** An HTTP method the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Query values; `undefined` entries are dropped. */
export type Query = Record<string, string | number | boolean | undefined>

/** The client options' defaults: {@link ReadTransportOptions}' `@default`s. */
export const DEFAULTS = { timeout: 30_000, totalTimeout: 60_000, maxRetries: 2 } as const

/** {@link RetryTuning}'s defaults. */
export const RETRY_DEFAULTS = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 20_000,
} as const

/** Backoff tuning; the defaults suit the real API. */
export interface RetryTuning {
  /** First backoff step; doubles each retry, with equal jitter. @default 500 */
  baseDelayMs?: number
  /** Largest backoff step. @default 8000 */
  maxDelayMs?: number
  /**
   * Longest wait taken from a `Retry-After` header; a longer one is shortened to this. The
   * call's total deadline still applies. @default 20000
   */
  maxRetryAfterMs?: number
}

/**
 * Options every transport takes, the read-only one included (the public client's whole set).
 */
export interface ReadTransportOptions {
  /** @default 'https://api.smartpay.co/v1' */
  baseUrl?: string
  /** Milliseconds one attempt may take. @default 30000 */
  timeout?: number
  /** Milliseconds the whole call may take, retries, backoff and the body included. @default 60000 */
  totalTimeout?: number
  /** Retries after the first attempt, on network errors, timeouts, 429 and 5xx. @default 2 */
  maxRetries?: number
  /** A `fetch` to use instead of the global one (a test double, or one with a custom agent). */
  fetch?: typeof fetch
  /** Allow `http://` to loopback hosts only, for local mock servers. Never in production. */
  dangerouslyAllowInsecureLoopback?: boolean
}

/** Options of the full transport (the server client's): the read options and more. */
export interface TransportOptions extends ReadTransportOptions {
  /**
   * Hooks told of each request, retry, response and error: the one place to plug a logger.
   * @example hooks: { onError: (e) => log.warn(`${e.method} ${e.path} failed: ${e.error?.message}`) }
   */
  hooks?: Hooks
  /** Give hooks the JSON bodies sent and received, keys redacted. @default false */
  logBodies?: boolean
  /** Your plugin or app, named in the `User-Agent` header, for plugin authors. */
  appInfo?: AppInfo
  /** How the key is sent; each client has its own default. */
  authScheme?: AuthScheme
  /** Backoff tuning. */
  retry?: RetryTuning
  /** Check every response against its schema and throw on a shape the SDK does not know. @default false */
  validateResponses?: boolean
}

/** Per-call options of a read-only transport. */
export interface ReadCallOptions {
  /** Cancels the call; it then rejects with `AbortError`. */
  signal?: AbortSignal
  /** Milliseconds one attempt may take, for this call. */
  timeout?: number
  /** Milliseconds the whole call may take, for this call. */
  totalTimeout?: number
  /** Retries for this call. */
  maxRetries?: number
}

/** Per-call options, accepted as the last argument of every method. */
export interface CallOptions extends ReadCallOptions {
  /** Your own idempotency key for a mutating call (reuse it to retry safely yourself). */
  idempotencyKey?: string
  /**
   * Body fields this version does not know, sent as given: merged over the checked body (so
   * they also replace a checked field). For a field Smartpay added after this release.
   * @example await smartpay.orders.create(params, { extraBody: { newField: 'value' } })
   */
  extraBody?: Record<string, unknown>
  /**
   * Query parameters this version does not know, sent as given (merged over the checked ones).
   * @example smartpay.orders.list({ maxResults: 50 }, { extraQuery: { status: 'succeeded' } })
   */
  extraQuery?: Query
}

/** {@link TransportOptions} with defaults applied. */
export interface ResolvedTransportOptions {
  baseUrl: string
  authScheme: AuthScheme
  timeout: number
  totalTimeout: number
  maxRetries: number
  retry: Required<RetryTuning>
  fetch: typeof fetch
  /** Off unless given. */
  validateResponses?: boolean | undefined
  /** Headers every request carries besides the key's (the server client's User-Agent). */
  headers?: Record<string, string> | undefined
  /**
   * How what the network says is redacted before it reaches an error, a result's metadata or a
   * hook: the full transport's `deepRedaction`; the compact one unless set.
   */
  redaction?: Redaction | undefined
  /** What an API error's message advises (`errorHint`): the full transport's; none unless set. */
  hint?: typeof errorHint | undefined
}
