import { gifContents } from './gif.js'
import { gunzipped, inflated, isZlib, rawInflated, unbrotlied, unzstded } from './inflate.js'
import { pngContents } from './png.js'
import { woffContents } from './woff.js'

// Compressed data in a served file, or in bytes a decoder found (a base64 data URL): what a
// build tool's text scan cannot read, and a page can (DecompressionStream, a canvas, a font).

/** Bytes found compressed, and how they were stored. */
export interface Compressed {
  how: string
  bytes: Buffer
  /** Pixels, as a canvas gives them back: only ever searched as bytes, never decoded further. */
  pixels?: true
}

/** How many compressed layers are undone: a zip in a gzip in a data URL's PNG… */
const DEPTH = 3
/** At most this many zlib headers tried inside one binary file (a PDF's streams, a TIFF). */
const ZLIB_TRIES = 256

function* offsetsOf(bytes: Buffer, signature: string, limit = Number.POSITIVE_INFINITY) {
  for (let at = bytes.indexOf(signature, 0, 'latin1'); at >= 0 && limit-- > 0; ) {
    yield at
    at = bytes.indexOf(signature, at + 1, 'latin1')
  }
}

/**
 * True when `bytes` is not text: control characters (other than whitespace) in its first 4 kB.
 * Only such bytes may be a stream without a signature (brotli, raw deflate).
 */
export function isBinary(bytes: Buffer): boolean {
  let control = 0
  const end = Math.min(bytes.length, 4096)
  for (let i = 0; i < end; i++) {
    const byte = bytes[i] as number
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++
  }
  return control > end / 100
}

/** Streams of `bytes` with a signature or a header: gzip, zlib, zstd, zip entries. */
function streams(bytes: Buffer, binary: boolean, guess: boolean): Buffer[] {
  const found: Buffer[] = []
  for (const at of offsetsOf(bytes, '\x1f\x8b\x08')) {
    if (at === 0 || binary) found.push(...gunzipped(bytes.subarray(at)))
  }
  if (isZlib(bytes, 0)) found.push(...inflated(bytes))
  else if (binary && guess) {
    // zlib streams inside other formats (PDF, TIFF, WOFF tables): tried at each header.
    for (const at of offsetsOf(bytes, 'x', ZLIB_TRIES)) {
      if (isZlib(bytes, at) && ((bytes[at + 1] ?? 0) & 0x20) === 0) {
        found.push(...inflated(bytes.subarray(at)))
      }
    }
  }
  if (bytes.readUInt32BE(0) === 0x28b52ffd) found.push(...unzstded(bytes))
  for (const at of offsetsOf(bytes, 'PK\x03\x04')) {
    if (at + 30 > bytes.length || bytes.readUInt16LE(at + 8) !== 8) continue
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
    found.push(...rawInflated(bytes.subarray(start)))
  }
  return found
}

/**
 * What `bytes` holds compressed, at most three layers deep: gzip members (a file compressed
 * in place, `.gz` copies, a tar.gz), zlib and zstd streams, zlib streams inside other binary
 * formats (PDF, TIFF), zip entries (`.zip`, `.docx`); a PNG's pixels and text chunks, a GIF's
 * pixels (as a page reads them from a canvas); a WOFF or WOFF2 font's tables. With `guess`
 * (a whole file, or a whole decoded payload), binary bytes are also tried as brotli and raw
 * deflate, which have no signature (a file brotli-compressed in place under its own name).
 * A file named `.br` is brotli whatever its bytes look like.
 */
export function decompressed(
  file: string,
  bytes: Buffer,
  guess = true,
  depth = DEPTH,
): Compressed[] {
  if (depth === 0 || bytes.length < 4) return []
  const binary = isBinary(bytes)
  // A format read below has its streams read there: not again as zlib found anywhere.
  const known = /^(?:\x89PNG|GIF8|wOFF|wOF2)/.test(bytes.toString('latin1', 0, 4))
  const found: Compressed[] = streams(bytes, binary, guess && !known).map((inner) => ({
    how: 'compressed',
    bytes: inner,
  }))
  if ((guess && binary) || /\.br$/i.test(file)) {
    for (const inner of unbrotlied(bytes)) found.push({ how: 'brotli', bytes: inner })
  }
  if (guess && binary && !isZlib(bytes, 0)) {
    for (const inner of rawInflated(bytes)) found.push({ how: 'raw deflate', bytes: inner })
  }
  const { pixels, texts } = pngContents(bytes)
  for (const inner of texts) found.push({ how: 'compressed', bytes: inner })
  for (const inner of woffContents(bytes)) found.push({ how: 'font tables', bytes: inner })
  const images: Compressed[] = [
    ...pixels.map((inner) => ({ how: 'PNG pixels', bytes: inner, pixels: true as const })),
    ...gifContents(bytes).map((inner) => ({
      how: 'GIF pixels',
      bytes: inner,
      pixels: true as const,
    })),
  ]
  return [
    ...found.flatMap((inner) => [
      inner,
      ...decompressed('', inner.bytes, false, depth - 1).map((deeper) => ({
        ...deeper,
        how: `${inner.how} › ${deeper.how}`,
      })),
    ]),
    ...images,
  ]
}
