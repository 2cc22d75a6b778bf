import { inflated, unbrotlied } from './inflate.js'

// Web fonts compress their tables: WOFF each table with zlib, WOFF2 all of them in one brotli
// stream. A key in a font (a name table, a glyph's data) is only readable inflated.

/** WOFF2's variable-length integer: where it ends and its value. */
function base128(bytes: Buffer, at: number): [end: number, value: number] {
  let value = 0
  for (let i = 0; i < 5; i++) {
    const byte = bytes[at + i] ?? 0
    value = value * 128 + (byte & 0x7f)
    if (!(byte & 0x80)) return [at + i + 1, value]
  }
  return [at + 5, value]
}

/** WOFF2's 255UInt16, in the collection directory: where it ends and its value. */
function uint255(bytes: Buffer, at: number): [end: number, value: number] {
  const code = bytes[at] ?? 0
  if (code === 253) return [at + 3, at + 2 < bytes.length ? bytes.readUInt16BE(at + 1) : 0]
  if (code === 254) return [at + 2, (bytes[at + 1] ?? 0) + 506]
  if (code === 255) return [at + 2, (bytes[at + 1] ?? 0) + 253]
  return [at + 1, code]
}

/** Where a WOFF2 file's brotli stream starts: after its table (and collection) directory. */
function woff2Stream(bytes: Buffer): number {
  const tables = bytes.readUInt16BE(12)
  let at = 48
  for (let i = 0; i < tables; i++) {
    const flags = bytes[at] ?? 0
    at += (flags & 0x3f) === 0x3f ? 5 : 1
    at = base128(bytes, at)[0]
    const transform = flags >> 6
    // glyf and loca (tags 10 and 11) are transformed by version 0, the others by any other.
    const glyfOrLoca = (flags & 0x3f) === 10 || (flags & 0x3f) === 11
    if (glyfOrLoca ? transform === 0 : transform !== 0) at = base128(bytes, at)[0]
  }
  if (bytes.toString('latin1', 4, 8) === 'ttcf') {
    let fonts: number
    ;[at, fonts] = uint255(bytes, at + 4)
    for (let font = 0; font < fonts && at < bytes.length; font++) {
      let count: number
      ;[at, count] = uint255(bytes, at)
      at += 4
      for (let i = 0; i < count; i++) at = uint255(bytes, at)[0]
    }
  }
  return at
}

/** A WOFF or WOFF2 font's tables, decompressed. */
export function woffContents(bytes: Buffer): Buffer[] {
  if (bytes.length < 48) return []
  const signature = bytes.toString('latin1', 0, 4)
  if (signature === 'wOF2') {
    const start = woff2Stream(bytes)
    return unbrotlied(bytes.subarray(start, start + bytes.readUInt32BE(20)))
  }
  if (signature !== 'wOFF') return []
  const found: Buffer[] = []
  for (let i = 0, at = 44; i < bytes.readUInt16BE(12) && at + 20 <= bytes.length; i++, at += 20) {
    const offset = bytes.readUInt32BE(at + 4)
    const compressed = bytes.readUInt32BE(at + 8)
    if (compressed < bytes.readUInt32BE(at + 12)) {
      found.push(...inflated(bytes.subarray(offset, offset + compressed)))
    }
  }
  return found
}
