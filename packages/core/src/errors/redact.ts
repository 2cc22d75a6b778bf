import { fingerprint } from '../keys/fingerprint.js'

/**
 * Replaces the API keys in `text` with their fingerprints; `found`, if given, gets each key
 * found, decoded (`sk_live_…` as a client holds it). Two exist: {@link redactKeys}, compact,
 * which every error applies and the checkout page carries, and `redactKeysDeep`, which the
 * server transport applies to everything it reports.
 */
export type Redactor = (text: string, found?: Set<string>) => string

/**
 * How a transport redacts what the network tells it: `text` (messages, logged bodies) and
 * `value` (an error's fields and cause chain, a result's metadata). The read transport's is the
 * compact one; the full transport's reads every form, and the client's own key in part.
 */
export interface Redaction {
  text: Redactor
  value<T>(value: T): T
}

// A key written plainly, in any case, and split by line breaks (raw or JSON-escaped), as an
// error page wraps a long line.
const KEY = /[prs]k_(?:test|live)_[0-9a-z]+(?:(?:[\r\n]|\\[rn])+[0-9a-z]+)*/gi

/**
 * The compact redaction, the one every error applies and the only one a checkout page carries
 * (its public key travels as `Bearer pk_…`): a key (`pk_`, `sk_` or `rk_`, test or live)
 * written plainly, in any case, or split by line breaks (raw or JSON-escaped), becomes its
 * fingerprint (`sk_live_…1taz`). Every other form is `redactKeysDeep`'s, the server's.
 */
export const redactKeys: Redactor = (text, found) =>
  text.replace(KEY, (match) => {
    const key = match.replace(/\\[rn]|[^0-9a-z_]/gi, '')
    const normal = key.slice(0, 8).toLowerCase() + key.slice(8)
    found?.add(normal)
    return fingerprint(normal)
  })
