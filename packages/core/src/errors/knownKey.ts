import { fingerprint } from '../keys/fingerprint.js'
import type { ApiKey } from '../keys/keys.js'
import type { Redactor } from './redact.js'

/** How many characters of a key's body in a row give the key away. */
const PART = 6

/**
 * `redact`, and then any part of `key` itself that is left (PART or more characters of its
 * body in a row, in any case), as its fingerprint. A key split in two is no longer shaped like
 * a key in its second half, and some texts hold only that half: an HTTP parser's error quotes
 * the bytes from the line break on (`X4vTKk1taz`). Only the client's own key can be found so.
 */
export function withKnownKey(redact: Redactor, key: ApiKey): Redactor {
  const body = key.slice(8).toLowerCase()
  const parts = new Set<string>()
  for (let i = 0; i + PART <= body.length; i++) parts.add(body.slice(i, i + PART))
  const shown = fingerprint(key)
  const runs = new RegExp(`[0-9a-z]{${PART},}`, 'gi')
  return (text, found) =>
    redact(text, found).replace(runs, (run) => {
      const lower = run.toLowerCase()
      for (let i = 0; i + PART <= lower.length; i++) {
        if (parts.has(lower.slice(i, i + PART))) {
          found?.add(key)
          return shown
        }
      }
      return run
    })
}
