import { inflated } from './inflate.js'

// A PNG's pixels as a page reads them back (drawn on a canvas, `getImageData`): the zlib
// stream of its IDAT chunks (or an APNG frame's fdAT chunks), inflated and unfiltered, row
// after row. Also its compressed text chunks (zTXt, iTXt).

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/** Samples per pixel, by colour type: grey, -, RGB, palette, grey+alpha, -, RGBA. */
const CHANNELS = [1, 0, 3, 1, 2, 0, 4]

/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

interface Header {
  width: number
  height: number
  depth: number
  channels: number
  interlaced: boolean
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** `height` filtered rows of `width` pixels from `data` at `at`, unfiltered; and where they end. */
function unfilter(data: Buffer, at: number, width: number, height: number, header: Header) {
  const bpp = Math.max(1, (header.channels * header.depth) >> 3)
  const stride = Math.ceil((width * header.channels * header.depth) / 8)
  const out = Buffer.alloc(stride * height)
  for (let y = 0; y < height && at < data.length; y++, at += stride + 1) {
    const filter = data[at]
    const row = y * stride
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (out[row + x - bpp] as number) : 0
      const b = y > 0 ? (out[row - stride + x] as number) : 0
      let predicted = 0
      if (filter === 1) predicted = a
      else if (filter === 2) predicted = b
      else if (filter === 3) predicted = (a + b) >> 1
      else if (filter === 4) {
        predicted = paeth(a, b, x >= bpp && y > 0 ? (out[row - stride + x - bpp] as number) : 0)
      }
      out[row + x] = ((data[at + 1 + x] ?? 0) + predicted) & 0xff
    }
  }
  return { rows: out, end: at }
}

/** The image's pixel bytes, row after row (an interlaced image put back in place). */
function pixels(data: Buffer, header: Header, width: number, height: number): Buffer {
  if (!header.interlaced) return unfilter(data, 0, width, height, header).rows
  const bytes = Math.max(1, header.depth >> 3) * header.channels
  const image = Buffer.alloc(width * height * bytes)
  let at = 0
  for (const [x0, y0, dx, dy] of ADAM7) {
    const w = Math.ceil((width - x0) / dx)
    const h = Math.ceil((height - y0) / dy)
    if (w <= 0 || h <= 0) continue
    const { rows, end } = unfilter(data, at, w, h, header)
    at = end
    // Sub-byte depths stay in pass order: their pixels do not start on byte boundaries.
    if (header.depth < 8) return Buffer.concat([image, rows])
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const from = (y * w + x) * bytes
        rows.copy(image, ((y0 + y * dy) * width + x0 + x * dx) * bytes, from, from + bytes)
      }
    }
  }
  return image
}

/** The `take` channels of 8-bit pixels of `channels` samples each. */
export function channelsOf(image: Buffer, channels: number, take: readonly number[]): Buffer {
  const out = Buffer.alloc((image.length / channels) * take.length)
  for (let i = 0, j = 0; i + channels <= image.length; i += channels) {
    for (const channel of take) out[j++] = image[i + channel] as number
  }
  return out
}

/** Indexed pixels of 1, 2 or 4 bits, one byte each (rows start on byte boundaries). */
function unpacked(image: Buffer, depth: number, width: number): Buffer {
  const stride = Math.ceil((width * depth) / 8)
  const rows = Math.floor(image.length / stride)
  const out = Buffer.alloc(rows * width)
  const mask = (1 << depth) - 1
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < width; x++) {
      const bit = x * depth
      out[y * width + x] =
        ((image[y * stride + (bit >> 3)] as number) >> (8 - depth - (bit & 7))) & mask
    }
  }
  return out
}

/**
 * The readings of an image a page gets back from a canvas: the samples as they are; for 8-bit
 * colour, without alpha and each channel alone (a grey image stored as RGB); for an indexed
 * image, the colours its palette gives.
 */
function readings(image: Buffer, header: Header, width: number, palette?: Buffer): Buffer[] {
  const found = [image]
  const { channels, depth } = header
  if (palette && channels === 1 && depth <= 8) {
    const indices = depth === 8 ? image : unpacked(image, depth, width)
    const colours = Buffer.alloc(indices.length * 3)
    indices.forEach((index, i) => {
      palette.copy(colours, i * 3, index * 3, index * 3 + 3)
    })
    found.push(colours)
  }
  if (depth !== 8 || channels < 2) return found
  // Without alpha: RGBA (4) → RGB, grey+alpha (2) → grey.
  found.push(channelsOf(image, channels, channels === 4 ? [0, 1, 2] : [0]))
  if (channels >= 3)
    for (const channel of [0, 1, 2]) found.push(channelsOf(image, channels, [channel]))
  return found
}

/**
 * What a PNG (at any offset of `bytes`: an ICO holds PNGs) hides in compressed form: its pixels
 * (and each APNG frame's) as a page reads them, and its compressed text chunks.
 */
export function pngContents(bytes: Buffer): { pixels: Buffer[]; texts: Buffer[] } {
  const found: Buffer[] = []
  const texts: Buffer[] = []
  for (let start = bytes.indexOf(SIGNATURE); start >= 0; ) {
    let header: Header | undefined
    let palette: Buffer | undefined
    const frames: { width: number; height: number; data: Buffer[] }[] = []
    let at = start + SIGNATURE.length
    while (at + 8 <= bytes.length) {
      const length = bytes.readUInt32BE(at)
      const type = bytes.toString('latin1', at + 4, at + 8)
      const data = bytes.subarray(at + 8, at + 8 + length)
      at += 12 + length
      if (type === 'IHDR' && data.length >= 13) {
        const channels = CHANNELS[data[9] ?? 0] ?? 0
        const [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)]
        header = { width, height, depth: data[8] ?? 8, channels, interlaced: data[12] === 1 }
        frames.push({ width, height, data: [] })
      } else if (type === 'PLTE') palette = data
      else if (type === 'IDAT') frames[0]?.data.push(data)
      else if (type === 'fcTL' && data.length >= 12) {
        frames.push({ width: data.readUInt32BE(4), height: data.readUInt32BE(8), data: [] })
      } else if (type === 'fdAT') frames.at(-1)?.data.push(data.subarray(4))
      else if (type === 'zTXt' || type === 'iTXt') texts.push(...textChunk(data))
      else if (type === 'IEND') break
    }
    if (header && header.channels > 0) found.push(...framePixels(frames, header, palette))
    start = bytes.indexOf(SIGNATURE, Math.max(at, start + 1))
  }
  return { pixels: found, texts }
}

/** Each frame's pixels (the image's, or an APNG frame's), as a page reads them. */
function framePixels(
  frames: readonly { width: number; height: number; data: Buffer[] }[],
  header: Header,
  palette: Buffer | undefined,
): Buffer[] {
  return frames.flatMap(({ width, height, data }) => {
    const size = width * height * header.channels
    if (data.length === 0 || size === 0 || size > 1 << 26) return []
    return inflated(Buffer.concat(data)).flatMap((stream) =>
      readings(pixels(stream, header, width, height), header, width, palette),
    )
  })
}

/** A zTXt or iTXt chunk's text: after the keyword, its NUL and flag bytes, a zlib stream. */
function textChunk(data: Buffer): Buffer[] {
  for (let z = data.indexOf(0) + 1; z > 0 && z < data.length - 1; z++) {
    if (data[z] === 0x78 && data.readUInt16BE(z) % 31 === 0) return inflated(data.subarray(z))
  }
  return []
}
