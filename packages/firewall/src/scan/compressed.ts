import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib'

// Compressed data in an emitted or copied file: what a build tool's own text scan cannot read.

const LIMIT = { maxOutputLength: 64 * 1024 * 1024 }

function inflate(run: () => Buffer): Buffer[] {
  try {
    return [run()]
  } catch {
    return []
  }
}

/** A zlib stream starts with 0x78 and a header that is a multiple of 31. */
function isZlib(bytes: Buffer, at: number): boolean {
  return bytes[at] === 0x78 && at + 1 < bytes.length && bytes.readUInt16BE(at) % 31 === 0
}

function* offsetsOf(bytes: Buffer, signature: string): Generator<number> {
  for (let at = bytes.indexOf(signature, 0, 'latin1'); at >= 0; ) {
    yield at
    at = bytes.indexOf(signature, at + signature.length, 'latin1')
  }
}

/**
 * What a file holds compressed: the whole of a gzip or zlib file, or a brotli one named `.br`
 * (precompressed copies beside the originals); each deflated entry of a zip archive (`.zip`,
 * `.docx`, `.xlsx` in `public/`); a PNG's compressed text chunks (zTXt, iTXt).
 */
export function decompressed(file: string, bytes: Buffer): Buffer[] {
  const found: Buffer[] = []
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) found.push(...inflate(() => gunzipSync(bytes, LIMIT)))
  if (isZlib(bytes, 0)) found.push(...inflate(() => inflateSync(bytes, LIMIT)))
  if (/\.br$/i.test(file)) found.push(...inflate(() => brotliDecompressSync(bytes, LIMIT)))
  for (const at of offsetsOf(bytes, 'PK\x03\x04')) {
    if (at + 30 > bytes.length || bytes.readUInt16LE(at + 8) !== 8) continue
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)
    found.push(...inflate(() => inflateRawSync(bytes.subarray(start), LIMIT)))
  }
  for (const type of ['zTXt', 'iTXt']) {
    for (const at of offsetsOf(bytes, type)) {
      if (at < 4) continue
      const data = bytes.subarray(at + 4, at + 4 + bytes.readUInt32BE(at - 4))
      // After the keyword and its NUL come one or two flag bytes (iTXt: and two more strings).
      const keywordEnd = data.indexOf(0)
      for (let z = keywordEnd + 1; z > 0 && z < data.length - 1; z++) {
        if (!isZlib(data, z)) continue
        found.push(...inflate(() => inflateSync(data.subarray(z), LIMIT)))
        break
      }
    }
  }
  return found.flatMap((inner) => [inner, ...decompressed('', inner)])
}
