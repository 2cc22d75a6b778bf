import { channelsOf } from './png.js'

// A GIF's pixels as a page reads them back from a canvas: each frame's LZW-coded colour
// indices, decoded and put in row order, and the same through the colour table.

/** The colour indices of one LZW-coded image, `minimum` the initial code size. */
function lzw(data: Buffer, minimum: number, limit: number): Buffer {
  const clear = 1 << minimum
  const out = Buffer.alloc(limit)
  let length = 0
  // Each code's string is its prefix code's string plus one suffix byte.
  const prefix = new Int32Array(4096)
  const suffix = new Uint8Array(4096)
  const first = new Uint8Array(4096)
  for (let i = 0; i < clear; i++) [suffix[i], first[i]] = [i, i]
  let size = minimum + 1
  let next = clear + 2
  let previous = -1
  const stack = new Uint8Array(4096)
  for (let bit = 0; bit + size <= data.length * 8 && length < limit; ) {
    let code = 0
    for (let i = 0; i < size; i++, bit++) code |= (((data[bit >> 3] ?? 0) >> (bit & 7)) & 1) << i
    if (code === clear) {
      size = minimum + 1
      next = clear + 2
      previous = -1
      continue
    }
    if (code === clear + 1) break
    let top = 0
    let current = code
    if (code >= next) {
      if (previous < 0) break
      stack[top++] = first[previous] ?? 0
      current = previous
    }
    while (current >= clear && top < 4096) {
      stack[top++] = suffix[current] ?? 0
      current = prefix[current] ?? 0
    }
    stack[top++] = current
    while (top > 0 && length < limit) out[length++] = stack[--top] ?? 0
    if (previous >= 0 && next < 4096) {
      prefix[next] = previous
      suffix[next] = current
      first[next] = first[previous] ?? 0
      next++
      if (next === 1 << size && size < 12) size++
    }
    previous = code
  }
  return out.subarray(0, length)
}

/** Rows of an interlaced image, put back in order (passes of every 8th, 8th, 4th, 2nd row). */
function deinterlace(pixels: Buffer, width: number, height: number): Buffer {
  const out = Buffer.alloc(pixels.length)
  let row = 0
  for (const [start, step] of [
    [0, 8],
    [4, 8],
    [2, 4],
    [1, 2],
  ] as const) {
    for (let y = start; y < height; y += step, row++) {
      pixels.copy(out, y * width, row * width, (row + 1) * width)
    }
  }
  return out
}

/** The sub-blocks starting at `at`, joined, and where they end. */
function subBlocks(bytes: Buffer, at: number): { data: Buffer; end: number } {
  const parts: Buffer[] = []
  while (at < bytes.length && bytes[at] !== 0) {
    const size = bytes[at] ?? 0
    parts.push(bytes.subarray(at + 1, at + 1 + size))
    at += size + 1
  }
  return { data: Buffer.concat(parts), end: at + 1 }
}

function throughTable(indices: Buffer, table: Buffer): Buffer {
  const colours = Buffer.alloc(indices.length * 3)
  indices.forEach((index, i) => {
    table.copy(colours, i * 3, index * 3, index * 3 + 3)
  })
  return colours
}

/**
 * A GIF's frames as a page reads them, row after row: colour indices, colours, and each colour
 * channel alone (a grey image).
 */
export function gifContents(bytes: Buffer): Buffer[] {
  if (!/^GIF8[79]a/.test(bytes.toString('latin1', 0, 6)) || bytes.length < 13) return []
  const found: Buffer[] = []
  const flags = bytes[10] ?? 0
  let at = 13
  const tableSize = (flags: number) => (flags & 0x80 ? 3 << ((flags & 7) + 1) : 0)
  const global = tableSize(flags) ? bytes.subarray(at, at + tableSize(flags)) : undefined
  at += tableSize(flags)
  while (at < bytes.length) {
    const block = bytes[at]
    if (block === 0x21) {
      at = subBlocks(bytes, at + 2).end
    } else if (block === 0x2c && at + 10 < bytes.length) {
      const width = bytes.readUInt16LE(at + 5)
      const height = bytes.readUInt16LE(at + 7)
      const local = bytes[at + 9] ?? 0
      at += 10
      const table = tableSize(local) ? bytes.subarray(at, at + tableSize(local)) : global
      at += tableSize(local)
      const minimum = bytes[at] ?? 8
      const { data, end } = subBlocks(bytes, at + 1)
      at = end
      if (minimum < 2 || minimum > 11 || width * height === 0) continue
      let indices = lzw(data, minimum, Math.min(width * height, 1 << 26))
      if (local & 0x40) indices = deinterlace(indices, width, height)
      found.push(indices)
      if (!table) continue
      const colours = throughTable(indices, table)
      found.push(colours, ...[0, 1, 2].map((channel) => channelsOf(colours, 3, [channel])))
    } else break
  }
  return found
}
