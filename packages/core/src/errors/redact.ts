import { fingerprint } from '../keys/fingerprint.js'

const KEY_LIKE = /(?:pk|sk)_(?:test|live)_[0-9A-Za-z]+/g

/** Replaces anything shaped like an API key with its fingerprint. */
export function redactKeys(text: string): string {
  return text.replace(KEY_LIKE, (key) => fingerprint(key))
}

/** A body for an error's details: keys redacted, cut at `max` characters. */
export function redactedSnippet(text: string, max = 300): string {
  const safe = redactKeys(text)
  return safe.length > max ? `${safe.slice(0, max)}…` : safe
}
