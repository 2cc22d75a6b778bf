import * as zlib from 'node:zlib'

// Decompression that never throws and keeps what a truncated or damaged stream still gives:
// the scanner only looks for keys in the output.

/** At most this much output from one stream: a small file must not inflate the build's memory. */
const LIMIT = 64 * 1024 * 1024

type Decompress = (bytes: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Buffer

function attempt(decompress: Decompress, bytes: Buffer, partial: object): Buffer[] {
  // Most attempts fail (a guess that bytes are brotli): an error without a stack is cheaper.
  const { stackTraceLimit } = Error
  Error.stackTraceLimit = 0
  try {
    const out = decompress(bytes, { maxOutputLength: LIMIT, ...partial })
    return out.length > 0 ? [out] : []
  } catch {
    return []
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
}

/** Partial output instead of an error at a stream's end: a PNG's IDAT cut short still has rows. */
const SYNC = { finishFlush: zlib.constants.Z_SYNC_FLUSH }

/** A zlib stream (deflate with its 2-byte header). */
export const inflated = (bytes: Buffer): Buffer[] => attempt(zlib.inflateSync, bytes, SYNC)
/** A raw deflate stream (no header: zip entries, `DecompressionStream('deflate-raw')`). */
export const rawInflated = (bytes: Buffer): Buffer[] => attempt(zlib.inflateRawSync, bytes, SYNC)
/** A gzip stream (every member). */
export const gunzipped = (bytes: Buffer): Buffer[] => attempt(zlib.gunzipSync, bytes, SYNC)
/** A brotli stream: it has no signature, so any bytes may be one. */
export const unbrotlied = (bytes: Buffer): Buffer[] =>
  attempt(zlib.brotliDecompressSync, bytes, {
    finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
  })

const zstd = (zlib as { zstdDecompressSync?: Decompress }).zstdDecompressSync
/** A zstd frame, where Node can read it (22.15 and newer). */
export const unzstded = (bytes: Buffer): Buffer[] => (zstd ? attempt(zstd, bytes, {}) : [])

/** A zlib stream starts with 0x78 and a 2-byte header that is a multiple of 31. */
export function isZlib(bytes: Buffer, at: number): boolean {
  return bytes[at] === 0x78 && at + 1 < bytes.length && bytes.readUInt16BE(at) % 31 === 0
}
