import { createHmac } from 'node:crypto'
import { BASE62_ALPHABET } from './ids.js'

/**
 * Decodes a base62 string to bytes the way `base-x` does: big-endian big-integer digits, and
 * every leading `A` (the zero digit) becomes a leading 0x00 byte.
 */
export function base62Decode(text: string): Uint8Array {
  let zeros = 0
  while (text[zeros] === BASE62_ALPHABET[0]) zeros++
  let value = 0n
  for (const char of text.slice(zeros)) {
    const digit = BASE62_ALPHABET.indexOf(char)
    if (digit < 0) throw new TypeError(`"${char}" is not a base62 character`)
    value = value * 62n + BigInt(digit)
  }
  let hex = value === 0n ? '' : value.toString(16)
  if (hex.length % 2 === 1) hex = `0${hex}`
  const bytes = new Uint8Array(zeros + hex.length / 2)
  bytes.set(Buffer.from(hex, 'hex'), zeros)
  return bytes
}

/** Lowercase hex HMAC-SHA256 of `message`, keyed with the base62-decoded `secret`. */
export function signWebhookMessage(message: string, secret: string): string {
  return createHmac('sha256', base62Decode(secret)).update(message, 'utf8').digest('hex')
}

/** The `Smartpay-Signature` of a delivery: signs `${timestamp}.${body}`. */
export function signWebhook(input: { secret: string; timestamp: string; body: string }): string {
  return signWebhookMessage(`${input.timestamp}.${input.body}`, input.secret)
}
