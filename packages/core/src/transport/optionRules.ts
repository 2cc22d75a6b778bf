import { ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'
import type { AuthScheme } from './auth.js'
import { resolveBaseUrl } from './baseUrl.js'
import {
  type CallOptions,
  DEFAULTS,
  RETRY_DEFAULTS,
  type ReadCallOptions,
  type ReadTransportOptions,
  type ResolvedTransportOptions,
  type RetryTuning,
  type TransportOptions,
} from './options.js'
import type { AppInfo } from './userAgent.js'

/** Where a set of options belongs: a call (its method and path), or the client. */
type Where = { method: string; path: string } | undefined

/** What a value is, for a message: its type, or the value itself when it is safe to print. */
const kind = (value: unknown) =>
  typeof value === 'string' || typeof value === 'object' ? typeof value : String(value)

function fail(name: string, expected: string, got: string, where: Where): never {
  // An unknown option's name is the caller's text, which may be a pasted key.
  const field = redactKeys(name)
  const said = `expected ${expected}, got ${got}.`
  throw new ValidationError(
    where
      ? `Invalid option "${field}" for ${where.method} ${where.path}: ${said} Nothing was sent.`
      : `Invalid client option "${field}": ${said}`,
    { field, issues: [{ message: `Expected ${expected}`, path: [field] }], ...where },
  )
}

type Rule = [test: (v: unknown) => boolean, expected: string]

// Literal tuples, not built by a helper call: a call at module level is kept by bundlers
// even in apps that never create a transport (the redirect-only page).
const isWhole = (v: unknown, min: number, max: number) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max
const MS: Rule = [(v) => isWhole(v, 1, 2_147_483_647), 'an integer from 1 to 2147483647 (ms)']
const RETRIES: Rule = [(v) => isWhole(v, 0, 10), 'an integer from 0 to 10']
const DELAY: Rule = [(v) => typeof v === 'number' && v >= 0 && v < Infinity, 'a number ≥ 0 (ms)']
const BOOLEAN: Rule = [(v) => typeof v === 'boolean', 'a boolean']
const OBJECT: Rule = [(v) => typeof v === 'object' && v !== null, 'an object']
const isScalar = (v: unknown) => ['string', 'number', 'boolean', 'undefined'].includes(typeof v)

/**
 * Checks one set of options against what each key may hold (looked up in `rules`, in order),
 * and returns the ones given (no `undefined` entries, so defaults can be spread under them).
 * Plain checks rather than a schema: this runs on every call, and a checkout page should not
 * ship a schema library.
 */
function check<T extends object>(options: T, rules: readonly Rules[], where: Where): T {
  if (!OBJECT[0](options)) fail('options', 'an object', kind(options), where)
  const given: Record<string, unknown> = {}
  for (const key in options) {
    const value = options[key]
    if (value === undefined) continue
    const rule =
      rules.find((table) => Object.hasOwn(table, key))?.[key] ??
      fail(key, `one of ${rules.flatMap(Object.keys).join(', ')}`, 'an unknown option', where)
    if (!rule[0](value)) fail(key, rule[1], kind(value), where)
    given[key] = value
  }
  return given as T
}

/** What each option may hold, by name. A set of options may be checked against several tables. */
export type Rules = Readonly<Record<string, Rule>>

/** Per-call options every transport takes. */
export const READ_CALL_RULES: Record<keyof ReadCallOptions, Rule> = {
  signal: [(v) => v instanceof AbortSignal, 'an AbortSignal'],
  timeout: MS,
  totalTimeout: MS,
  maxRetries: RETRIES,
}

/** Per-call options only the full transport takes. */
export const WRITE_CALL_RULES: Record<Exclude<keyof CallOptions, keyof ReadCallOptions>, Rule> = {
  // Never key-shaped: it is sent as a header, kept in results and told to hooks as it is.
  idempotencyKey: [
    (v) => typeof v === 'string' && /^[\x21-\x7e]{1,255}$/.test(v) && redactKeys(v) === v,
    '1–255 printable ASCII characters, not a key',
  ],
  extraBody: [(v) => OBJECT[0](v) && !Array.isArray(v), 'an object of body fields'],
  extraQuery: [
    (v) => OBJECT[0](v) && !Array.isArray(v) && Object.values(v as object).every(isScalar),
    'an object of strings, numbers and booleans',
  ],
}

/** Client options every transport takes. */
export const READ_TRANSPORT_RULES: Record<keyof ReadTransportOptions, Rule> = {
  baseUrl: [(v) => typeof v === 'string', 'a string'],
  timeout: MS,
  totalTimeout: MS,
  maxRetries: RETRIES,
  fetch: [(v) => typeof v === 'function', 'a function'],
  dangerouslyAllowInsecureLoopback: BOOLEAN,
}

/** Client options only the full transport takes. */
export const WRITE_TRANSPORT_RULES: Record<
  Exclude<keyof TransportOptions, keyof ReadTransportOptions>,
  Rule
> = {
  authScheme: [(v) => v === 'basic' || v === 'bearer', "'basic' or 'bearer'"],
  retry: OBJECT,
  validateResponses: BOOLEAN,
  hooks: [
    (v) =>
      OBJECT[0](v) &&
      Object.entries(v as object).every(
        ([name, hook]) =>
          /^on(Request|Retry|Response|Error)$/.test(name) && typeof hook === 'function',
      ),
    'an object of onRequest, onRetry, onResponse and onError functions',
  ],
  logBodies: BOOLEAN,
  appInfo: [
    (v) => OBJECT[0](v) && typeof (v as AppInfo).name === 'string' && (v as AppInfo).name !== '',
    'an object with a name (and a version and url)',
  ],
}

const RETRY_RULES: Record<keyof RetryTuning, Rule> = {
  baseDelayMs: DELAY,
  maxDelayMs: DELAY,
  maxRetryAfterMs: DELAY,
}

/** The backoff tuning given (refused when unknown or malformed) over the defaults. */
export function resolveRetryTuning(retry: RetryTuning | undefined): Required<RetryTuning> {
  return { ...RETRY_DEFAULTS, ...(retry && check(retry, [RETRY_RULES], undefined)) }
}

/** Refuses unknown or malformed per-call options, before any request; returns those given. */
export const checkCallOptions: <T extends ReadCallOptions>(
  options: T,
  rules: readonly Rules[],
  where: Where,
) => T = check

/**
 * Resolves a transport's client options, once, at construction: refuses unknown or malformed
 * ones (the backoff tuning's too), and applies the defaults. `rules` says which options this
 * transport takes (the read set, or the read and write sets).
 */
export function resolveTransportOptions(
  options: TransportOptions,
  authScheme: AuthScheme,
  rules: readonly Rules[],
  tune?: typeof resolveRetryTuning,
): ResolvedTransportOptions {
  const given = check(options, rules, undefined)
  return {
    ...DEFAULTS,
    authScheme,
    ...given,
    baseUrl: resolveBaseUrl(given.baseUrl, given.dangerouslyAllowInsecureLoopback),
    // Only the full transport takes tuning (and its resolver); the read one keeps the defaults.
    retry: tune?.(given.retry) ?? RETRY_DEFAULTS,
    fetch: given.fetch ?? globalThis.fetch.bind(globalThis),
  }
}
