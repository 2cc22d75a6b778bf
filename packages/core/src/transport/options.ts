import { ValidationError } from '../errors/errors.js'
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
  fetch: typeof fetch
  validateResponses: boolean
}

type Where = { method: string; path: string }

function fail(field: string, expected: string, value: unknown, where: Where): never {
  const shown =
    typeof value === 'string' ? 'a string' : typeof value === 'object' ? 'an object' : String(value)
  throw new ValidationError(
    `Invalid option "${field}" for ${where.method} ${where.path}: expected ${expected}, got ${shown}. Nothing was sent.`,
    { field, issues: [{ message: `Expected ${expected}`, path: [field] }], ...where },
  )
}

const MAX_MS = 2_147_483_647
const isMs = (v: unknown) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_MS
const isRetries = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 10
const isDelay = (v: unknown) => typeof v === 'number' && v >= 0 && Number.isFinite(v)

/**
 * Checks one set of options against what each key may hold. Plain checks rather than a
 * schema: this runs on every call, and a checkout page should not ship a schema library.
 */
function check(
  options: object,
  rules: Record<string, [test: (v: unknown) => boolean, expected: string]>,
  where: Where,
): void {
  for (const key in options) {
    const value = (options as Record<string, unknown>)[key]
    if (value === undefined) continue
    const rule = rules[key]
    if (!rule) fail(key, `one of ${Object.keys(rules).join(', ')}`, key, where)
    else if (!rule[0](value)) fail(key, rule[1], value, where)
  }
}

const MS: [(v: unknown) => boolean, string] = [isMs, 'whole milliseconds from 1 to 2147483647']
const RETRIES: [(v: unknown) => boolean, string] = [isRetries, 'a whole number from 0 to 10']
const DELAY: [(v: unknown) => boolean, string] = [isDelay, 'milliseconds ≥ 0']

const CALL_RULES = {
  signal: [(v: unknown) => v instanceof AbortSignal, 'an AbortSignal'],
  timeout: MS,
  totalTimeout: MS,
  maxRetries: RETRIES,
  idempotencyKey: [
    (v: unknown) => typeof v === 'string' && /^[\x21-\x7e]{1,255}$/.test(v),
    '1–255 printable ASCII characters (it is sent as a header)',
  ],
} satisfies Record<string, [(v: unknown) => boolean, string]>

const TRANSPORT_RULES = {
  baseUrl: [(v: unknown) => typeof v === 'string', 'a URL string'],
  authScheme: [(v: unknown) => v === 'basic' || v === 'bearer', "'basic' or 'bearer'"],
  timeout: MS,
  totalTimeout: MS,
  maxRetries: RETRIES,
  retry: [(v: unknown) => typeof v === 'object' && v !== null, 'an object'],
  fetch: [(v: unknown) => typeof v === 'function', 'a fetch function'],
  validateResponses: [(v: unknown) => typeof v === 'boolean', 'a boolean'],
  dangerouslyAllowInsecureLoopback: [(v: unknown) => typeof v === 'boolean', 'a boolean'],
} satisfies Record<string, [(v: unknown) => boolean, string]>

const RETRY_RULES = { baseDelayMs: DELAY, maxDelayMs: DELAY, maxRetryAfterMs: DELAY }

/** Refuses unknown or malformed per-call options, before any request. */
export function checkCallOptions(options: CallOptions, where: Where): CallOptions {
  if (typeof options !== 'object' || options === null) fail('options', 'an object', options, where)
  check(options, CALL_RULES, where)
  return options
}

/** Refuses unknown or malformed client options, at construction. */
export function checkTransportOptions(options: TransportOptions): TransportOptions {
  const where = { method: 'create', path: 'client' }
  if (typeof options !== 'object' || options === null) fail('options', 'an object', options, where)
  check(options, TRANSPORT_RULES, where)
  if (options.retry) check(options.retry, RETRY_RULES, where)
  return options
}

export const DEFAULTS = {
  timeout: 30_000,
  totalTimeout: 60_000,
  maxRetries: 2,
  retry: { baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 20_000 },
} as const
