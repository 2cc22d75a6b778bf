import { fingerprint } from '../keys/fingerprint.js'
import { type Redaction, type Redactor, redactKeys } from './redact.js'

/**
 * A header's value without a key: the fingerprints (`sk_live_...1taz`, in ASCII: a header
 * value is Latin-1) of the keys it holds, or the value itself when it holds none. It is
 * searched with its spaces taken out too: a folded header reaches the client unfolded, its
 * line break a space, which can split a key.
 */
export function redactHeaderValue(value: string, redact: Redactor = redactKeys): string {
  const keys = new Set<string>()
  redact(value.replace(/[\t ]+/g, ''), keys)
  return keys.size ? [...keys].map(fingerprint).join(' ').replaceAll('…', '...') : value
}

/**
 * `headers` without a key: each value by {@link redactHeaderValue}, and without a header whose
 * name holds one. The same `Headers` when none holds a key.
 */
export function redactHeaders(headers: Headers, redact: Redactor = redactKeys): Headers {
  let changed = false
  const safe = new Headers()
  for (const [name, value] of headers) {
    const shown = redactHeaderValue(value, redact)
    const named = new Set<string>()
    redact(name, named)
    changed ||= shown !== value || named.size > 0
    if (!named.size) safe.append(name, shown)
  }
  return changed ? safe : headers
}

/**
 * `value` with every key in it redacted by {@link redactKeys}: a string; `Headers`
 * ({@link redactHeaders}); anything else through its JSON (an error's `details`, names and
 * values). The same value when nothing in it holds a key (or it has no JSON), else a redacted
 * copy. An error, a cause, is the transport's to redact (`redactTree`), before its own error is
 * made; here it is kept as it is.
 */
export function redactValue<T>(value: T): T {
  if (typeof value === 'string') return redactKeys(value) as T
  // A transport redacts the headers it reports itself, whatever their class (redactHeaders):
  // this is the net under it, for the runtime's own.
  if (value instanceof Headers) return redactHeaders(value) as T
  if (typeof value !== 'object' || value === null || value instanceof Error) return value
  try {
    const json = JSON.stringify(value)
    const safe = redactKeys(json)
    // A fingerprint only replaces letters, digits, `_` and line breaks: the JSON stays JSON.
    return safe === json ? value : JSON.parse(safe)
  } catch {
    // A cycle or a BigInt: no JSON, so nothing a log's JSON.stringify could print either.
    return value
  }
}

/** The compact {@link Redaction}: the read transport's, and any error's own. */
export const COMPACT: Redaction = { text: redactKeys, value: redactValue }
