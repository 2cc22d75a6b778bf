import { createHmac } from 'node:crypto'
import { base62Decode } from '../../webhooks/signing.js'

export { base62Decode }

/** Lowercase hex HMAC-SHA256 of `message`, keyed with the base62-decoded `secret`. */
export function signWebhookMessage(message: string, secret: string): string {
  return createHmac('sha256', base62Decode(secret)).update(message, 'utf8').digest('hex')
}

/**
 * The `Smartpay-Signature` value of a delivery, synchronously: signs `${timestamp}.${body}`.
 * (server-client's async `signWebhook` returns the whole set of delivery headers instead.)
 * @example
 * const signature = webhookSignature({ secret: endpoint.signingSecret, timestamp, body })
 */
export function webhookSignature(input: { secret: string; timestamp: string; body: string }) {
  return signWebhookMessage(`${input.timestamp}.${input.body}`, input.secret)
}
