// @vitest-environment node
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { deflateSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { findSecretKeys } from './findSecretKeys.js'

const KEY = 'sk_live_Ab3dEf6hIj9kLm2nOp5qRs8t'
const BODY = KEY.slice('sk_'.length)
const b64 = (text: string) => Buffer.from(text).toString('base64')

/** What a scan of `content` found: each key and how it was written. */
const scan = (content: string | Uint8Array, file = 'out.js') =>
  findSecretKeys(file, content).map(({ key, encodings }) => ({ key, encodings }))

describe('findSecretKeys', () => {
  it.each([
    ['as is', `const key = "${KEY}"`, []],
    // Its bytes are there, glued after the escape's letter.
    ['after an escaped newline', `"notes:\\n${KEY}"`, []],
    ['after an escaped tab', `"\\t${KEY}"`, []],
    ['with \\u escapes', `"\\u0073k_${BODY}"`, ['escaped']],
    ['with \\x escapes', `"\\x73\\x6b_${BODY}"`, ['escaped']],
    ['with HTML references', `&#115;k&lowbar;${BODY}`, ['escaped']],
    ['with a CSS escape', `content: "\\73 k_${BODY}"`, ['CSS-escaped']],
    ['percent-encoded', `%73%6B%5F${BODY}`, ['escaped']],
    ['percent-encoded twice', `%2573%256B%255F${BODY}`, ['escaped', 'escaped']],
    ['as Basic credentials', `"Basic ${b64(`${KEY}:`)}"`, ['base64']],
    ['in base64 after one byte', `"${b64(`x${KEY}`)}"`, ['base64']],
    ['in base64 after two bytes', `"${b64(`xy${KEY}`)}"`, ['base64']],
    [
      'in URL-safe base64',
      `"${b64(`??>${KEY}`).replace(/\+/g, '-').replace(/\//g, '_')}"`,
      ['base64'],
    ],
    ['in base64 glued to other text', `"abcd${b64(`xy${KEY}`)}"`, ['base64']],
    [
      'in an inline source map after a newline',
      `//# sourceMappingURL=data:application/json;base64,${b64(JSON.stringify({ sourcesContent: [`a\n${KEY}`] }))}`,
      ['base64'],
    ],
    ['in base64 in base64', `"${b64(b64(KEY))}"`, ['base64', 'base64']],
    ['in hex', Buffer.from(KEY).toString('hex'), ['hex']],
    [
      'as character codes',
      `String.fromCharCode(${[...KEY].map((c) => c.charCodeAt(0))})`,
      ['character codes'],
    ],
    ['reversed', `"${[...KEY].reverse().join('')}"`, ['reversed']],
    [
      'with a zero-width space inside',
      `"sk_\u200b${BODY}"`,
      ['with invisible or lookalike characters'],
    ],
    [
      'in fullwidth letters',
      `"ｓｋ＿ｌｉｖｅ＿${KEY.slice(8)}"`,
      ['with invisible or lookalike characters'],
    ],
  ])('finds a key %s', (_, content, encodings) => {
    expect(scan(content)).toEqual([{ key: KEY, encodings }])
  })

  it('finds a key in UTF-16 and in binary files', () => {
    expect(scan(Buffer.from(KEY, 'utf16le'))).toEqual([{ key: KEY, encodings: ['UTF-16'] }])
    // In a binary file, a key may follow a length byte that reads as a letter ('P').
    const binary = Buffer.concat([Buffer.alloc(200, 0x90), Buffer.from(`P${KEY}`), Buffer.alloc(4)])
    expect(scan(binary, 'payload.bin')).toEqual([{ key: KEY, encodings: [] }])
  })

  it('finds a key in gzip, zlib and brotli-named files', () => {
    expect(scan(gzipSync(`x=${KEY}`), 'a.js.gz')).toEqual([{ key: KEY, encodings: ['compressed'] }])
    expect(scan(deflateSync(`x=${KEY}`), 'a.bin')).toEqual([
      { key: KEY, encodings: ['compressed'] },
    ])
  })

  it('finds a key in base64 wrapped at 76 characters', () => {
    const wrapped = b64(`${'x'.repeat(100)} ${KEY} ${'y'.repeat(100)}`).replace(/(.{76})/g, '$1\n')
    expect(scan(wrapped)).toEqual([{ key: KEY, encodings: ['base64'] }])
  })

  it.each([
    ['a letter', `"X${KEY}".slice(1)`],
    ['a digit', `"1${KEY}".slice(1)`],
    ['a word', `"Bearer${KEY}".slice(6)`],
  ])('finds a key glued after %s (`"X" + key`, as a minifier folds it)', (_, content) => {
    expect(scan(content)).toEqual([{ key: KEY, encodings: [] }])
  })

  it('finds a key broken by line continuations inside a string', () => {
    const [head, middle, tail] = [KEY.slice(0, 14), KEY.slice(14, 22), KEY.slice(22)]
    expect(scan(`const key = "${head}\\\n${middle}\\\r\n${tail}"`)).toEqual([
      { key: KEY, encodings: ['escaped'] },
    ])
  })

  it('finds nothing in words that merely contain sk_live_ or sk_test_', () => {
    expect(scan('const task_live_abcdefghijk = 1; disk_test_abcdefghij()')).toEqual([])
    expect(scan('risk_test_validation(); mask_live_updates_enabled')).toEqual([])
  })

  it('finds nothing in public keys or short prefixes', () => {
    expect(scan('pk_live_Ab3dEf6hIj9kLm2nOp5qRs8t sk_live_short')).toEqual([])
  })

  it('finds nothing in real library code full of escapes and base64-like runs', () => {
    const require = createRequire(import.meta.url)
    for (const library of ['valibot', 'vite']) {
      const file = require.resolve(library)
      expect(scan(readFileSync(file), file), library).toEqual([])
    }
  })
})
