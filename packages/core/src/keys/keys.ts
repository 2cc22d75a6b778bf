import { InvalidKeyError } from '../errors/errors.js'
import { exposedKeyError } from './exposedKeyError.js'
import { fingerprint } from './fingerprint.js'
import { holdsSecretKey, normalizeKey } from './normalizeKey.js'

/** Whether a key (and every object it touches) lives in test or live mode. */
export type Mode = 'test' | 'live'

/** A publishable key: safe in a shopper's browser. */
export type PublicKey = `pk_test_${string}` | `pk_live_${string}`

/** A secret key: may do anything on the account. Server side only. */
export type SecretKey = `sk_test_${string}` | `sk_live_${string}`

/** Either kind of Smartpay API key. */
export type ApiKey = PublicKey | SecretKey

/** Which kind of key: `public` (`pk_`) or `secret` (`sk_`). */
export type KeyKind = 'public' | 'secret'

const VALID_KEY = /^(pk|sk)_(?:test|live)_[0-9A-Za-z]+$/

/** Gives the mode a key belongs to. */
export function keyMode(key: ApiKey): Mode {
  return key.slice(2, 8) === '_live_' ? 'live' : 'test'
}

/** Gives the kind of a key. */
export function keyKind(key: ApiKey): KeyKind {
  return key.startsWith('sk_') ? 'secret' : 'public'
}

/** The kind a string is a key of, once cleaned up (trimmed, unquoted, lower case…), if any. */
function cleanedKind(value: unknown): string | undefined {
  return typeof value === 'string' ? VALID_KEY.exec(normalizeKey(value))?.[1] : undefined
}

/**
 * Narrows `value` to a key of `kind`, or throws `InvalidKeyError`; a secret key where a public
 * one belongs gets the exposed-key error naming `who`. Not exported from the package.
 */
export function parseKey(value: unknown, kind: KeyKind, who: string): ApiKey {
  const prefix = `${kind[0]}k`
  if (typeof value === 'string' && VALID_KEY.exec(value)?.[1] === prefix) return value as ApiKey
  // A secret key where a public one belongs is exposed, whatever else is wrong with it.
  if (kind === 'public' && holdsSecretKey(value)) throw exposedKeyError(who, value as string)
  const none = value === undefined || value === null || value === ''
  throw invalid(
    value,
    kind,
    none
      ? 'no key was given'
      : typeof value !== 'string'
        ? `it is a ${typeof value}, not a string`
        : `it is not ${prefix}_test_ or ${prefix}_live_ and letters and digits`,
    // Most often an unset env var: name the one the docs use (a page's build adds its
    // framework's public prefix, VITE_ or NEXT_PUBLIC_).
    none ? `Is SMARTPAY_${kind.toUpperCase()}_KEY set? Set it to your key` : undefined,
  )
}

function invalid(value: unknown, kind: KeyKind, rule: string, todo = 'Copy it'): InvalidKeyError {
  // The value is never echoed: a CR/LF in it would also be a header injection.
  const print = fingerprint(value)
  return new InvalidKeyError(
    `Invalid ${kind} key (${print}): ${rule}. ${todo} from the dashboard.`,
    {
      rule,
      fingerprint: print,
    },
  )
}

/**
 * Narrows a plain string (an env var, say) to a {@link PublicKey}, or throws {@link InvalidKeyError}.
 * A secret key, also one in disguise (`SK_…`, a zero-width character, lookalike letters, `rk_…`),
 * gets the error that says it is exposed and must be rolled.
 * @example const key = parsePublicKey(import.meta.env.VITE_SMARTPAY_PUBLIC_KEY)
 */
export function parsePublicKey(value: unknown): PublicKey {
  return parseKey(value, 'public', 'parsePublicKey') as PublicKey
}

/**
 * Narrows a plain string (an env var, say) to a {@link SecretKey}, or throws {@link InvalidKeyError}.
 * @example const key = parseSecretKey(process.env.SMARTPAY_SECRET_KEY)
 */
export function parseSecretKey(value: unknown): SecretKey {
  // Checked here, not in parseKey, so that checkout pages do not ship these messages.
  const cleaned = typeof value === 'string' && value !== '' && cleanedKind(value)
  if (cleaned === 'pk') {
    throw invalid(value, 'secret', 'this is a public key; a server needs a secret key')
  }
  if (cleaned && !VALID_KEY.test(value as string)) {
    throw invalid(
      value,
      'secret',
      'it holds whitespace, quotes, capitals, hidden or lookalike characters',
    )
  }
  return parseKey(value, 'secret', 'parseSecretKey') as SecretKey
}

/**
 * Something shaped like a Smartpay secret key inside any text, not glued to a word before it;
 * the key itself is group 1. The one pattern the firewall checks share (run-time refusal, the
 * Vite plugin). No lookbehind: Safari before 16.4 cannot even parse a script that holds one.
 */
export const SECRET_KEY_PATTERN: RegExp = /(?:^|[^0-9A-Za-z])(sk_(?:test|live)_[0-9A-Za-z]{8,})/

/** True when `value` contains something shaped like a Smartpay secret key. */
export function looksLikeSecretKey(value: unknown): boolean {
  return typeof value === 'string' && SECRET_KEY_PATTERN.test(value)
}
