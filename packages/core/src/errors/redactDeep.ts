import { fingerprint } from '../keys/fingerprint.js'
import { decodeKey, keyPatterns } from './keyPattern.js'
import type { Redactor } from './redact.js'

// Besides the forms keyPattern reads, a key may come back inside an encoding of a whole text
// (the `Basic` credentials are base64 of `sk_…:`): hex (`736b5f…`, `\x73`, `0x73`, `%73`),
// base64 and base64url (wrapped lines too), and these nested (double base64, hex of base64…);
// or reversed. A run of either alphabet is decoded and searched again, DEPTH levels deep.
const DEPTH = 3
const HEX =
  /(?:(?:\\x|0x|%)?[0-9a-f]{2}){9,}|(?:0x)?[0-9a-f]{2}(?:[\t :,.-]{1,2}(?:0x)?[0-9a-f]{2}(?![0-9a-z])){8,}/gi
const BASE64 = /[0-9A-Za-z+/_-]{12,}(?:(?:\r?\n|\\r\\n|\\n)[0-9A-Za-z+/_-]+)*=*/g
const BASE64_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
/** Base64's (and base64url's) characters' values by character code, -1 for others; made on first use. */
let sixes: Int8Array | undefined

function base64Values(): Int8Array {
  if (sixes) return sixes
  sixes = new Int8Array(128).fill(-1)
  for (let i = 0; i < 64; i++) sixes[BASE64_DIGITS.charCodeAt(i)] = i
  sixes[45] = 62 // -
  sixes[95] = 63 // _
  return sixes
}
// Reversed as written (`zat1…_evil_ks`), its body found by walking left from this end;
// reversed escapes or splits are not worth the cost.
const REVERSED = /_(?:tset|evil)_k[prs]/gi
const REVERSED_END = /_(?:tset|evil)_k[prs]/i
/** A run worth decoding: what HEX or BASE64 would find, or a little more. */
const RUN = /[0-9a-z+/_-]{12}|(?:[0-9a-f]{2}[\t :,.-]{1,2}){8}/i

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
  const values = base64Values()
  let text = ''
  let bits = 0
  let value = 0
  for (let i = offset; i < run.length; i++) {
    const six = values[run.charCodeAt(i)] ?? -1
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

/** `text` with each reversed key (`zat1…_evil_ks`) replaced by `swap` of it, the right way. */
function unreverse(text: string, swap: (key: string) => string): string {
  let out = ''
  let last = 0
  for (const { 0: end, index } of text.matchAll(REVERSED)) {
    let start = index
    while (start > last && /[0-9a-z]/i.test(text[start - 1] as string)) start--
    if (start === index) continue
    const key = text
      .slice(start, index + end.length)
      .split('')
      .reverse()
      .join('')
    out += text.slice(last, start) + swap(decodeKey(key))
    last = index + end.length
  }
  return out + text.slice(last)
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
  const { near, key } = keyPatterns()
  // Cheap tests first: most texts (and nearly every decoded run) hold nothing to look at.
  let out = near.test(text) ? text.replace(key, (match) => swap(decodeKey(match))) : text
  if (REVERSED_END.test(out)) out = unreverse(out, swap)
  if (depth === 0 || !RUN.test(out)) return out
  for (const [runs, decode, offsets] of DECODERS) {
    out = out.replace(runs, (run) => {
      const inside = new Set<string>()
      for (let offset = 0; offset < offsets; offset++) scan(decode(run, offset), depth - 1, inside)
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
