import { fingerprint } from '@smartpay-kit/core'
import { decompressed } from './compressed.js'
import { DECODERS, otherReadings } from './decoders.js'

/** A secret key found in a file, and how it was written there. */
export interface FoundKey {
  /** The key itself: only ever shown through `fingerprint()`. */
  key: string
  /** The encodings undone to find it, outermost first; empty when it was there as is. */
  encodings: string[]
}

/**
 * The build-time key pattern. Unlike core's run-time pattern it is global, and it is matched
 * against decoded text too, where `\nsk_live_…` has become a real newline before the key.
 */
const KEY = /(?:^|[^0-9A-Za-z])(sk_(?:test|live)_[0-9A-Za-z]{8,})/g
/** In decoded bytes a key may follow anything: `base64('x' + key)` decodes to `xsk_live_…`. */
const KEY_IN_BYTES = /(sk_(?:test|live)_[0-9A-Za-z]{8,})/g

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
  const collect = (text: string, pattern: RegExp, encodings: string[]): void => {
    for (const match of text.matchAll(pattern)) {
      const key = match[1] as string
      if (!found.has(key)) found.set(key, { key, encodings })
    }
  }
  /** `decoded`: bytes a decoder produced, only read further when mostly printable. */
  const visit = (text: string, encodings: string[], depth: number, decoded: boolean): void => {
    if (text.length < 16 || seen.has(text)) return
    seen.add(text)
    // In bytes (decoded, or a binary file) a key may be glued to whatever precedes it.
    const printable = isMostlyPrintable(text)
    collect(text, decoded || !printable ? KEY_IN_BYTES : KEY, encodings)
    // Reversed (`'…evil_ks'.split('').reverse()`), looked at only when it could be there.
    if (/_(?:evil|tset)_ks/.test(text)) collect(reverse(text), KEY, [...encodings, 'reversed'])
    // Invisible characters inside a key (removed again at run time), however they got here.
    if (INVISIBLE.test(text)) {
      collect(text.replace(INVISIBLE_ALL, ''), KEY, [...encodings, 'with invisible characters'])
    }
    if (depth === 0 || (decoded && !printable)) return
    for (const decoder of DECODERS) {
      for (const output of decoder.decode(text, done)) {
        if (output !== text) visit(output, [...encodings, decoder.name], depth - 1, decoder.binary)
      }
    }
  }
  const read = (raw: Buffer, encodings: string[]) => {
    const latin1 = raw.toString('latin1')
    visit(latin1, encodings, DEPTH, encodings.length > 0)
    for (const { name, text } of otherReadings(latin1))
      visit(text, [...encodings, name], DEPTH, false)
  }
  read(bytes, [])
  for (const inner of decompressed(file, bytes)) read(inner, ['compressed'])
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
