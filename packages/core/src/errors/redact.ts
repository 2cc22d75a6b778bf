import { fingerprint } from '../keys/fingerprint.js'

const KEY_LIKE = /(?:pk|sk)_(?:test|live)_[0-9A-Za-z]+/g

/** Replaces anything shaped like an API key with its fingerprint. */
export function redactKeys(text: string): string {
  return text.replace(KEY_LIKE, (key) => fingerprint(key))
}
