import { fingerprint } from '@smartpay-kit/core'
import { type Compressed, decompressed } from './compressed.js'
import { DECODERS, otherReadings } from './decoders.js'

/** A secret key found in a file, and how it was written there. */
export interface FoundKey {
  /** The key itself: only ever shown through `fingerprint()`. */
  key: string
  /** The encodings undone to find it, outermost first; empty when it was there as is. */
  encodings: string[]
}

/**
 * The build-time key pattern, global, matched against decoded text too (where `\nsk_live_…`
 * has become a real newline before the key). A key may be glued to what precedes it: `"X" +
 * key` is one string in a minified bundle, `base64('x' + key)` decodes to `xsk_live_…`.
 */
const KEY = /sk_(?:test|live)_[0-9A-Za-z]{8,}/g
/**
 * In text, a key glued after a letter or digit must look random (a capital or a digit after its
 * prefix): `risk_test_validation` is a word, `Xsk_live_Ab3dEf…` is a key.
 */
const RANDOM = /[0-9A-Z]/

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'g')

/** How deep encodings may nest: data URL › base64 › JSON escapes › `Basic` base64 › key. */
const DEPTH = 5

function isMostlyPrintable(text: string): boolean {
  const printable = text.replace(/[^\x20-\x7e\t\n\r]/g, '').length
  return printable >= text.length * 0.8
}

function reverse(text: string): string {
  return [...text].reverse().join('')
}

/**
 * Every secret key in `content`, written as is or in any encoding a build or an attacker
 * might use: escapes (JS, JSON, CSS, HTML), percent-encoding, base64 (standard, URL-safe,
 * `Basic` credentials, data URLs, inline source maps), hex, character codes, UTF-16,
 * invisible or fullwidth characters, reversed, and compressed files. Bytes are read as latin1
 * so binary files are searched too. Build time only (Node); never bundled into a page.
 */
export function findSecretKeys(file: string, content: string | Uint8Array): FoundKey[] {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content)
  const found = new Map<string, FoundKey>()
  const seen = new Set<string>()
  const done = new Set<string>()
  /** `bytes`: decoded or binary, where anything may precede a key. */
  const collect = (text: string, encodings: string[], bytes = false): void => {
    for (const match of text.matchAll(KEY)) {
      const [key] = match
      const glued = /[0-9A-Za-z]/.test(text[match.index - 1] ?? '')
      if (glued && !bytes && !RANDOM.test(key.slice(8))) continue
      if (!found.has(key)) found.set(key, { key, encodings })
    }
  }
  /** `decoded`: bytes a decoder produced, only read further when mostly printable. */
  /**
   * `whole`: a whole decoded value, which may be a stream without a signature (brotli).
   * `unpack`: false for what `decompressed` found, which has undone its own layers already.
   */
  const visit = (
    text: string,
    encodings: string[],
    depth: number,
    decoded: boolean,
    whole = false,
    unpack = true,
  ): void => {
    if (text.length < 16 || seen.has(text)) return
    seen.add(text)
    const printable = isMostlyPrintable(text)
    collect(text, encodings, decoded || !printable)
    // Reversed (`'…evil_ks'.split('').reverse()`), looked at only when it could be there.
    if (/_(?:evil|tset)_ks/.test(text)) collect(reverse(text), [...encodings, 'reversed'])
    // Invisible characters inside a key (removed again at run time), however they got here.
    if (INVISIBLE.test(text)) {
      collect(text.replace(INVISIBLE_ALL, ''), [...encodings, 'with invisible characters'])
    }
    if (depth === 0) return
    if (decoded && !printable) {
      // Bytes a decoder found may be compressed (a data URL's gzip, PNG or WOFF2): read those.
      if (unpack)
        unpacked(decompressed('', Buffer.from(text, 'latin1'), whole), encodings, depth - 1)
      return
    }
    for (const decoder of DECODERS) {
      for (const output of decoder.decode(text, done)) {
        if (output.text === text) continue
        visit(output.text, [...encodings, decoder.name], depth - 1, decoder.binary, output.whole)
      }
    }
  }
  const read = (raw: Buffer, encodings: string[], depth: number, unpack = true) => {
    const latin1 = raw.toString('latin1')
    visit(latin1, encodings, depth, encodings.length > 0, false, unpack)
    for (const { name, text } of otherReadings(latin1))
      visit(text, [...encodings, name], depth, false, false, unpack)
  }
  /** What `decompressed` found: pixels are only searched as bytes (a page reads them so). */
  const unpacked = (inner: Compressed[], encodings: string[], depth: number) => {
    for (const { how, bytes: raw, pixels } of inner) {
      if (pixels) collect(raw.toString('latin1'), [...encodings, how], true)
      else read(raw, [...encodings, how], depth, false)
    }
  }
  read(bytes, [], DEPTH)
  unpacked(decompressed(file, bytes), [], DEPTH)
  return [...found.values()]
}

/**
 * The first secret key in `content` (in any encoding the scanner undoes), as a fingerprint and
 * how it was written (`sk_live_…1taz, base64`), or undefined. Never the key.
 */
export function findSecretKey(file: string, content: string | Uint8Array): string | undefined {
  const [found] = findSecretKeys(file, content)
  if (!found) return undefined
  const how = found.encodings.length > 0 ? `, ${found.encodings.join(' › ')}` : ''
  return `${fingerprint(found.key)}${how}`
}
