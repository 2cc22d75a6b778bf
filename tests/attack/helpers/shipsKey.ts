import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { gunzipSync, inflateSync } from 'node:zlib'

// The suite's own check of what a build shipped, independent of the plugin's scanner: instead
// of decoding every encoding it knows the key, so it encodes the key every way it can think of
// and searches for those, after undoing the layers a build adds (data URLs, source maps,
// JSON/JS escapes, percent-encoding, gzip).

/** Substrings that any encoding of `key` the suite knows must contain. */
export function needles(key: string): string[] {
  const found = new Set([key, Buffer.from(key).toString('hex')])
  for (const pad of ['', 'x', 'xy']) {
    const encoded = Buffer.from(pad + key).toString('base64')
    // Drop the characters that mix in bits of what comes before or after the key.
    const core = encoded.slice(Math.ceil((pad.length * 8) / 6), -4)
    found.add(core)
    found.add(core.replace(/\+/g, '-').replace(/\//g, '_'))
  }
  const codes = [...key].map((char) => char.charCodeAt(0))
  found.add(codes.join(','))
  found.add([...key].reverse().join(''))
  return [...found]
}

const unescapeJs = (text: string) =>
  text.replace(/\\(?:u([0-9a-fA-F]{4})|x([0-9a-fA-F]{2})|(.))/gs, (_, u, x, other: string) =>
    u || x
      ? String.fromCharCode(Number.parseInt(u ?? x, 16))
      : (({ n: '\n', t: '\t', r: '\r' } as Record<string, string>)[other] ?? other),
  )
const unpercent = (text: string) =>
  text.replace(/%([0-9a-fA-F]{2})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))

/** The texts a file holds: itself and what its data URLs, maps, escapes and gzip hide. */
function layers(text: string, depth = 3): string[] {
  const all = [text]
  if (depth === 0) return all
  const inner: string[] = [unescapeJs(text), unpercent(text), text.replace(/\s+/g, '')]
  // A zero-width space, as UTF-8 bytes read as latin1 or as a character.
  inner.push(text.replace(/\xe2\x80\x8b|\u200b/g, ''))
  for (const [, base64, data] of text.matchAll(/data:[^,\s"')]*?(;base64)?,([^\s"')]+)/g)) {
    inner.push(
      base64 ? Buffer.from(data as string, 'base64').toString('latin1') : unpercent(data as string),
    )
  }
  for (const [run] of text.matchAll(/[A-Za-z0-9+/=_-]{40,}/g)) {
    inner.push(Buffer.from(run, 'base64').toString('latin1'))
  }
  const bytes = Buffer.from(text, 'latin1')
  if (text.startsWith('\x1f\x8b')) inner.push(...attempt(() => gunzipSync(bytes)))
  // PNG zTXt chunks: keyword, NUL, method byte, then a zlib stream.
  for (const match of text.matchAll(/zTXt[^\0]*\0\0/g)) {
    const length = bytes.readUInt32BE(match.index - 4)
    const start = match.index + match[0].length
    inner.push(...attempt(() => inflateSync(bytes.subarray(start, match.index + 4 + length))))
  }
  for (const each of inner) if (each !== text) all.push(...layers(each, depth - 1))
  return all
}

function attempt(decompress: () => Buffer): string[] {
  try {
    return [decompress().toString('latin1')]
  } catch {
    return []
  }
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
}

/** The files under `dir` that hold `key` in any encoding the suite knows, relative to `dir`. */
export function filesHoldingKey(dir: string, key: string): string[] {
  const wanted = needles(key)
  return filesIn(dir)
    .filter((file) => {
      const text = readFileSync(file).toString('latin1')
      return layers(text).some((layer) => wanted.some((needle) => layer.includes(needle)))
    })
    .map((file) => relative(dir, file))
}
