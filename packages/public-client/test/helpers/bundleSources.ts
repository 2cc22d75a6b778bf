import type { Rollup } from 'vite'

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Decodes one source-map segment (base64 VLQ) into its relative fields. */
function decodeSegment(segment: string): number[] {
  const fields: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = BASE64.indexOf(char)
    value += (digit & 31) << shift
    if (digit & 32) {
      shift += 5
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
      value = 0
      shift = 0
    }
  }
  return fields
}

/** Names a source by its package (`ky`, `valibot`, `core`…) or, for app files, its file name. */
function owner(source: string): string {
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(
    source,
  )
  if (dependency?.[1]) return dependency[1]
  const workspace = /packages\/([^/]+)\//.exec(source)
  if (workspace?.[1]) return `@smartpay-kit/${workspace[1]}`
  return source.replace(/^(\.\.\/)+/, '')
}

/**
 * How many bytes of a minified chunk each package contributed, read from the chunk's source
 * map: every mapped segment runs to the next one. A package absent here shipped no code, even
 * when the bundler loaded it (module lists are taken before minification drops dead code).
 */
export function bytesBySource(chunk: Rollup.OutputChunk): Map<string, number> {
  const map = chunk.map
  if (!map) throw new Error(`${chunk.fileName} has no source map; build with sourcemap: true.`)
  const lines = chunk.code.split('\n')
  const bytes = new Map<string, number>()
  let source = 0
  map.mappings.split(';').forEach((line, index) => {
    const segments: { column: number; source: string }[] = []
    let column = 0
    for (const raw of line.split(',')) {
      if (raw === '') continue
      const fields = decodeSegment(raw)
      column += fields[0] ?? 0
      if (fields.length < 4) continue
      source += fields[1] ?? 0
      segments.push({ column, source: owner(map.sources[source] ?? '?') })
    }
    segments.forEach((segment, i) => {
      const end = segments[i + 1]?.column ?? lines[index]?.length ?? segment.column
      bytes.set(segment.source, (bytes.get(segment.source) ?? 0) + end - segment.column)
    })
  })
  return bytes
}
