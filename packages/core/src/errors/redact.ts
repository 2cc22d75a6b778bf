import { fingerprint } from '../keys/fingerprint.js'

/**
 * Replaces the API keys in `text` with their fingerprints; `found`, if given, gets each key
 * found, decoded (`sk_live_…` as a client holds it).
 */
export type Redactor = (text: string, found?: Set<string>) => string

// Keys as the client sends them: plain (`Bearer sk_…`), and in `Basic` as base64 of `sk_…:`,
// which starts `c2tf` (`cGtf` for pk_, `cmtf` for rk_). The mode is left out of the base64
// pattern: a run of 12 that merely contains `c2tf` is rare enough to hide with the keys.
// rk_ too: a Stripe-style restricted key is as secret.
const KEY_LIKE = /[prs]k_(?:test|live)_[0-9A-Za-z]+/g
const BASE64_KEY = /c[2Gm]tf[0-9A-Za-z+/]{8,}=*/g

/**
 * Replaces anything shaped like an API key with its fingerprint, and a key in base64 (as
 * `Authorization: Basic …` carries it, echoed by a proxy, say) with a placeholder.
 */
export function redactKeys(text: string): string {
  return text.replace(KEY_LIKE, fingerprint).replace(BASE64_KEY, '<base64 key>')
}

/**
 * `value` with every key in it redacted: a string, `Headers` (a copy without the headers that
 * hold one), or what JSON can carry (an error's `details`; nothing else, so JSON.stringify
 * cannot throw). Otherwise returned as is.
 */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redactKeys(value) as T
  if (typeof value !== 'object' || value === null) return value
  // A header holding a key is left out: a fingerprint ('…') is no valid header value.
  if (value instanceof Headers) {
    return new Headers([...value].filter(([, text]) => redactKeys(text) === text)) as T
  }
  const json = JSON.stringify(value)
  const safe = redactKeys(json)
  return safe === json ? value : JSON.parse(safe)
}
