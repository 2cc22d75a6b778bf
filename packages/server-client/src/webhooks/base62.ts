/** The signing-secret alphabet, in digit order: `A` is 0, `9` is 61. */
export const BASE62_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

const DIGIT = new Int8Array(128).fill(-1)
for (let i = 0; i < BASE62_ALPHABET.length; i++) DIGIT[BASE62_ALPHABET.charCodeAt(i)] = i

/**
 * Decodes base62 text to bytes the way `base-x` does (what the official SDKs use): the text is
 * one big-endian integer, and each leading `A` (the zero digit) becomes a leading 0x00 byte.
 * Gives `undefined` when a character is outside the alphabet.
 */
export function decodeBase62(text: string): Uint8Array | undefined {
  let zeros = 0
  while (zeros < text.length && text.charCodeAt(zeros) === 65 /* A */) zeros++
  // Little-endian base-256 digits of the integer, grown as the carry needs room.
  const bytes: number[] = []
  for (let i = zeros; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let carry = code < 128 ? (DIGIT[code] ?? -1) : -1
    if (carry < 0) return undefined
    for (let j = 0; j < bytes.length; j++) {
      carry += (bytes[j] ?? 0) * 62
      bytes[j] = carry & 0xff
      carry >>= 8
    }
    for (; carry > 0; carry >>= 8) bytes.push(carry & 0xff)
  }
  const out = new Uint8Array(zeros + bytes.length)
  for (let j = 0; j < bytes.length; j++) out[out.length - 1 - j] = bytes[j] ?? 0
  return out
}
