import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BASE62_ALPHABET, decodeBase62 } from './base62.js'
import vectors from './webhook-vectors.json'

const hex = (bytes: Uint8Array | undefined) => (bytes ? Buffer.from(bytes).toString('hex') : bytes)

/** An independent decoder: BigInt arithmetic plus the base-x leading-zero rule. */
function oracle(text: string): string {
  let n = 0n
  for (const char of text) n = n * 62n + BigInt(BASE62_ALPHABET.indexOf(char))
  const zeros = /^A*/.exec(text)?.[0].length ?? 0
  let digits = n === 0n ? '' : n.toString(16)
  if (digits.length % 2 === 1) digits = `0${digits}`
  return '00'.repeat(zeros) + digits
}

describe('decodeBase62', () => {
  it('decodes the shared vector secret to its key bytes', () => {
    const [vector] = vectors.vectors
    expect(hex(decodeBase62(vector!.secret))).toBe(vector!.secretKeyHex)
  })

  it('decodes a 40-character secret to 30 bytes', () => {
    expect(decodeBase62('gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q')).toHaveLength(30)
  })

  it('reads the text as a big-endian number with A as zero', () => {
    expect(hex(decodeBase62('B'))).toBe('01')
    expect(hex(decodeBase62('9'))).toBe('3d')
    expect(hex(decodeBase62('BA'))).toBe('3e')
    expect(hex(decodeBase62('E8'))).toBe('0134')
  })

  it('turns each leading A into a 0x00 byte', () => {
    expect(hex(decodeBase62('A'))).toBe('00')
    expect(hex(decodeBase62('AAA'))).toBe('000000')
    expect(hex(decodeBase62('AAB'))).toBe('000001')
    expect(hex(decodeBase62('ABA'))).toBe('003e')
  })

  it('decodes the empty text to no bytes', () => {
    expect(hex(decodeBase62(''))).toBe('')
  })

  it.each(['abc-def', 'abc_def', 'abc def', 'abc+/', 'abcé', 'ab\u0000', '0x😀'])(
    'rejects %j, which has a character outside the alphabet',
    (text) => {
      expect(decodeBase62(text)).toBeUndefined()
    },
  )

  it('agrees with a BigInt decoder on any base62 text', () => {
    const base62 = fc.string({ unit: fc.constantFrom(...BASE62_ALPHABET), maxLength: 80 })
    fc.assert(fc.property(base62, (text) => hex(decodeBase62(text)) === oracle(text)))
  })
})
