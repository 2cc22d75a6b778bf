import { BASE62_ALPHABET } from '../domain/ids.js'

/**
 * Decodes a base62 string to bytes the way `base-x` does: big-endian big-integer digits, and
 * every leading `A` (the zero digit) becomes a leading 0x00 byte.
 */
export function base62Decode(text: string): Uint8Array<ArrayBuffer> {
  let zeros = 0
  while (text[zeros] === BASE62_ALPHABET[0]) zeros++
  let value = 0n
  for (const char of text.slice(zeros)) {
    const digit = BASE62_ALPHABET.indexOf(char)
    if (digit < 0) throw new TypeError(`"${char}" is not a base62 character`)
    value = value * 62n + BigInt(digit)
  }
  const digits: number[] = []
  for (; value > 0n; value >>= 8n) digits.unshift(Number(value & 0xffn))
  const bytes = new Uint8Array(zeros + digits.length)
  bytes.set(digits, zeros)
  return bytes
}

/**
 * The `Smartpay-Signature` of a delivery with Web Crypto (so it runs in every runtime):
 * lowercase hex HMAC-SHA256 of `${timestamp}.${body}`, keyed with the base62-decoded secret.
 */
export async function signDelivery(secret: string, timestamp: string, body: string) {
  const key = await crypto.subtle.importKey(
    'raw',
    base62Decode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const message = new TextEncoder().encode(`${timestamp}.${body}`)
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message))
  return Array.from(mac, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
