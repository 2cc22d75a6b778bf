import { fingerprint } from '../keys/fingerprint.js'
import { decodeKey, keyPattern } from './keyPattern.js'
import type { Redactor } from './redact.js'

// Besides the forms keyPattern reads, a key may come back inside an encoding of a whole text
// (the `Basic` credentials are base64 of `sk_…:`): hex (`736b5f…`, `\x73`, `0x73`, `%73`),
// base64 and base64url (wrapped lines too), and these nested (double base64, hex of base64…);
// or reversed. A run of either alphabet is decoded and searched again, DEPTH levels deep.
const DEPTH = 3
const HEX =
  /(?:(?:\\x|0x|%)?[0-9a-f]{2}){9,}|(?:0x)?[0-9a-f]{2}(?:[\t :,.-]{1,2}(?:0x)?[0-9a-f]{2}(?![0-9a-z])){8,}/gi
const BASE64 = /[0-9A-Za-z+/_-]{12,}(?:(?:\r?\n|\\r\\n|\\n)[0-9A-Za-z+/_-]+)*=*/g
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
// Reversed as written (`zat1…_evil_ks`); reversed escapes or splits are not worth the cost.
const REVERSED = /[0-9a-z]+_(?:tset|evil)_k[prs]/gi
/** Every form keyPattern reads holds a `k` or its code: a text without one skips the pattern. */
const K = /k|6b|107/i
/** Decoded bytes are searched only when they hold a `k` or another run to decode. */
const WORTH_SEARCHING = /k|6b|107|[0-9a-z+/_-]{12}/i

/** Bytes as Latin-1 text: a key is ASCII, so it reads the same in any ASCII-based charset. */
function fromHex(run: string, offset: number): string {
  const digits = run.replace(/\\x|0x|[^0-9a-f]/gi, '')
  let text = ''
  for (let i = offset; i + 1 < digits.length; i += 2) {
    text += String.fromCharCode(Number.parseInt(digits.slice(i, i + 2), 16))
  }
  return text
}

function fromBase64(run: string, offset: number): string {
  let text = ''
  let bits = 0
  let value = 0
  for (let i = offset; i < run.length; i++) {
    const c = run[i]
    const six = ALPHABET.indexOf(c === '-' ? '+' : c === '_' ? '/' : (c as string))
    if (six < 0) continue
    value = ((value << 6) | six) & 0xffff
    bits += 6
    if (bits >= 8) {
      bits -= 8
      text += String.fromCharCode((value >> bits) & 0xff)
    }
  }
  return text
}

// A run is decoded from each place a byte (hex) or a 24-bit group (base64) may start: a key
// inside a longer text sits at any offset.
const DECODERS = [
  [HEX, fromHex, 2],
  [BASE64, fromBase64, 4],
] as const

/** `text` with each key in it replaced by its fingerprint; `found` gets the keys, decoded. */
function scan(text: string, depth: number, found: Set<string>): string {
  const swap = (key: string) => {
    found.add(key)
    return fingerprint(key)
  }
  let out = K.test(text) ? text.replace(keyPattern(), (match) => swap(decodeKey(match))) : text
  out = out.replace(REVERSED, (match) => swap(decodeKey(match.split('').reverse().join(''))))
  if (depth === 0) return out
  for (const [runs, decode, offsets] of DECODERS) {
    out = out.replace(runs, (run) => {
      const inside = new Set<string>()
      for (let offset = 0; offset < offsets; offset++) {
        const decoded = decode(run, offset)
        if (WORTH_SEARCHING.test(decoded)) scan(decoded, depth - 1, inside)
      }
      for (const key of inside) found.add(key)
      return inside.size ? [...inside].map(fingerprint).join(' ') : run
    })
  }
  return out
}

/**
 * The server's redaction: replaces every API key in `text` (`pk_`, `sk_` or `rk_`, test or
 * live) with its fingerprint (`sk_live_…1taz`), in whatever form a server, proxy or log
 * pipeline may echo it: plain or in any case; split by a line break, an invisible character
 * (raw, escaped, or as UTF-8 read as Latin-1) or an inline tag; with any of its characters
 * percent-encoded (once or twice), JSON- or JS-escaped, or as HTML entities; as hex, base64 or
 * base64url at any offset (the `Basic` credentials), reversed, or nested (double base64, hex
 * of base64). `found`, if given, gets each key found, decoded. A {@link Redactor}.
 */
export const redactKeysDeep: Redactor = (text, found = new Set()) => scan(text, DEPTH, found)
