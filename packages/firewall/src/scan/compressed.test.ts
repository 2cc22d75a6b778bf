// @vitest-environment node
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib'
import fonteditor from 'fonteditor-core'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { findSecretKeys } from './findSecretKeys.js'

// What a page can decompress, a scan must too: files compressed in place under their own names,
// and what real encoders (sharp's libpng and cgif, Google's WOFF2 through fonteditor-core) make
// of a key in pixels or in a font, also inlined as data URLs.

const KEY = 'sk_live_Ab3dEf6hIj9kLm2nOp5qRs8t'

/** The keys a scan finds (glued text after the key cut off), and how each was written. */
const scan = (content: string | Uint8Array, file = 'out.js') =>
  findSecretKeys(file, content).map(({ key, encodings }) => ({
    key: key.slice(0, KEY.length),
    encodings,
  }))

const dataUrl = (type: string, bytes: Uint8Array) =>
  `data:${type};base64,${Buffer.from(bytes).toString('base64')}`

/** Pixels of `channels` bytes, `width` wide, three rows, spelling the key across a row's end. */
function pixels(channels: number, width = 11) {
  const raw = Buffer.alloc(width * 3 * channels, 0x41)
  if (channels === 4) for (let i = 3; i < raw.length; i += 4) raw[i] = 0xff
  for (let i = 0, at = (width - 3) * channels; i < KEY.length; at++) {
    // RGBA: the key in the colours only, alpha opaque, as a canvas gives them back.
    if (channels !== 4 || at % 4 !== 3) raw[at] = KEY.charCodeAt(i++)
  }
  return sharp(raw, { raw: { width, height: 3, channels: channels as 3 | 4 } })
}

describe('findSecretKeys, compressed', () => {
  it.each([
    ['brotli', brotliCompressSync(`export const key = "${KEY}"`), 'brotli'],
    ['gzip', gzipSync(`export const key = "${KEY}"`), 'compressed'],
    ['zlib', deflateSync(`export const key = "${KEY}"`), 'compressed'],
    ['raw deflate', deflateRawSync(`export const key = "${KEY}"`), 'raw deflate'],
  ])('finds a key in a file compressed in place with %s, under its own name', (_, bytes, how) => {
    expect(scan(bytes, 'assets/index.js')).toEqual([{ key: KEY, encodings: [how] }])
  })

  it.each([
    ['gzip', 'DecompressionStream("gzip")', gzipSync(KEY), 'compressed'],
    [
      'brotli',
      'a brotli decoder',
      brotliCompressSync(`${KEY} ${'checkout '.repeat(30)}`),
      'brotli',
    ],
    ['raw deflate', 'DecompressionStream("deflate-raw")', deflateRawSync(KEY), 'raw deflate'],
  ])('finds a key %s-compressed inside a data URL (%s)', (_, __, bytes, how) => {
    const code = `fetch("${dataUrl('application/octet-stream', bytes)}")`
    expect(scan(code)).toEqual([{ key: KEY, encodings: ['base64', how] }])
  })

  it('finds a key gzipped as a byte array', () => {
    const code = `new Blob([new Uint8Array([${[...gzipSync(KEY)].join(',')}])])`
    expect(scan(code)).toEqual([{ key: KEY, encodings: ['character codes', 'compressed'] }])
  })

  it('finds nothing in a brotli stream of public text', () => {
    expect(scan(brotliCompressSync('pk_live_Ab3dEf6hIj9kLm2nOp5qRs8t'.repeat(20)))).toEqual([])
  })
})

describe('findSecretKeys, image pixels', () => {
  it.each([
    ['RGB, filtered', () => pixels(3).png({ compressionLevel: 9, adaptiveFiltering: true })],
    ['RGB, interlaced', () => pixels(3).png({ progressive: true })],
    ['RGBA, the key in the colours', () => pixels(4).png()],
    ['indexed', () => pixels(3).png({ palette: true, dither: 0 })],
  ])('finds a key in the pixels of a PNG: %s', async (_, image) => {
    expect(scan(await image().toBuffer(), 'logo.png')).toContainEqual({
      key: KEY,
      encodings: ['PNG pixels'],
    })
  })

  it('finds a key in the pixels of a grey image stored as RGB (one channel read)', async () => {
    const grey = Buffer.alloc(11 * 3, 0x41)
    grey.write(KEY, 1, 'latin1')
    const png = await sharp(grey, { raw: { width: 11, height: 3, channels: 1 } })
      .png()
      .toBuffer()
    expect(png[25], 'colour type RGB').toBe(2)
    expect(scan(png, 'grey.png')).toContainEqual({ key: KEY, encodings: ['PNG pixels'] })
  })

  it.each([
    ['', {}],
    [', interlaced', { interlace: true }],
  ])('finds a key in the pixels of a GIF%s', async (_, options) => {
    const gif = await pixels(3)
      .gif({ dither: 0, ...options })
      .toBuffer()
    expect(scan(gif, 'logo.gif')).toContainEqual({ key: KEY, encodings: ['GIF pixels'] })
  })

  it('finds a key in the pixels of a PNG inlined as a data URL', async () => {
    const png = await pixels(3).png().toBuffer()
    const code = `img.src = "${dataUrl('image/png', png)}"`
    expect(scan(code)).toContainEqual({ key: KEY, encodings: ['base64', 'PNG pixels'] })
  })

  it('finds nothing in an image of other pixels', async () => {
    const noise = Buffer.from(Array.from({ length: 64 * 64 * 3 }, (_, i) => (i * 7919) % 251))
    const png = await sharp(noise, { raw: { width: 64, height: 64, channels: 3 } })
      .png()
      .toBuffer()
    expect(scan(png, 'noise.png')).toEqual([])
  })
})

describe('findSecretKeys, web fonts', () => {
  let fonts: { woff: Buffer; woff2: Buffer }
  beforeAll(async () => {
    await fonteditor.woff2.init()
    const font = fonteditor.Font.create()
    const data = font.get()
    data.name.copyright = `Licensed with ${KEY} only`
    font.set(data)
    const write = (type: 'woff' | 'woff2') =>
      Buffer.from(
        font.write({
          type,
          toBuffer: true,
          deflate: (bytes: number[]) => [...deflateSync(Buffer.from(bytes))],
        }) as Uint8Array,
      )
    fonts = { woff: write('woff'), woff2: write('woff2') }
    // The key is only there compressed.
    expect(fonts.woff2.includes(KEY)).toBe(false)
    expect(fonts.woff.includes(Buffer.from(KEY, 'utf16le'))).toBe(false)
  })

  it.each(['woff', 'woff2'] as const)('finds a key in the tables of a %s font', (type) => {
    // A WOFF table is a zlib stream: found as a font table or as a stream in a binary file.
    expect(scan(fonts[type], `font.${type}`)).toContainEqual({
      key: KEY,
      encodings: [expect.stringMatching(/^(font tables|compressed)$/)],
    })
  })

  it('finds a key in a WOFF2 font inlined in CSS as a data URL', () => {
    const css = `@font-face { font-family: X; src: url(${dataUrl('font/woff2', fonts.woff2)}) }`
    expect(scan(css, 'index.css').map(({ encodings }) => encodings.slice(0, 2))).toContainEqual([
      'base64',
      'font tables',
    ])
  })
})
