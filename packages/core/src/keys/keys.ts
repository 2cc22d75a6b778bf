import { InvalidKeyError } from '../errors/errors.js'
import { fingerprint } from './fingerprint.js'

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

const KEY_PATTERN = /^(pk|sk)_([a-z]+)_(.*)$/s
const BODY_PATTERN = /^[0-9A-Za-z]+$/

const PREFIX: Record<KeyKind, 'pk' | 'sk'> = { public: 'pk', secret: 'sk' }

/** Gives the mode a key belongs to. */
export function keyMode(key: ApiKey): Mode {
  return key.startsWith('pk_live_') || key.startsWith('sk_live_') ? 'live' : 'test'
}

/** Gives the kind of a key. */
export function keyKind(key: ApiKey): KeyKind {
  return key.startsWith('sk_') ? 'secret' : 'public'
}

function parseKey(value: unknown, kind: KeyKind): ApiKey {
  const fail = (rule: string): never => {
    const print = fingerprint(value)
    throw new InvalidKeyError(
      `Invalid ${kind} key (${print}): ${rule}. Expected ${PREFIX[kind]}_test_… or ${PREFIX[kind]}_live_… from the dashboard.`,
      { rule, fingerprint: print },
    )
  }
  if (value === undefined || value === null || value === '') fail('no key was given')
  if (typeof value !== 'string') return fail(`the key must be a string, got ${typeof value}`)
  if (value.trim() !== value) return fail('the key has surrounding whitespace; trim it')
  // A control character (CR/LF above all) in a header value is an injection vector.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this is the check for them
  if (/[\u0000-\u001f\u007f]/.test(value)) return fail('the key contains a control character')
  const match = KEY_PATTERN.exec(value)
  if (!match) return fail('the key does not start with pk_ or sk_ and a mode')
  const [, prefix, mode, body = ''] = match
  if (prefix !== PREFIX[kind]) {
    return kind === 'public'
      ? fail('this is a secret key, never to be used in client code')
      : fail('this is a public key; a server needs a secret key')
  }
  if (mode !== 'test' && mode !== 'live') return fail(`unknown mode "${mode}"`)
  if (!BODY_PATTERN.test(body)) return fail('only letters and digits may follow the mode')
  return value as ApiKey
}

/**
 * Narrows a plain string (an env var, say) to a {@link PublicKey}, or throws {@link InvalidKeyError}.
 * @example const key = parsePublicKey(import.meta.env.VITE_SMARTPAY_PUBLIC_KEY)
 */
export function parsePublicKey(value: unknown): PublicKey {
  return parseKey(value, 'public') as PublicKey
}

/**
 * Narrows a plain string (an env var, say) to a {@link SecretKey}, or throws {@link InvalidKeyError}.
 * @example const key = parseSecretKey(process.env.SMARTPAY_SECRET_KEY)
 */
export function parseSecretKey(value: unknown): SecretKey {
  return parseKey(value, 'secret') as SecretKey
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
