import { readHeader, WEBHOOK_HEADERS, type WebhookHeaders } from './headers.js'
import {
  type ResolvedWebhookOptions,
  resolveOptions,
  type VerifyWebhookRequestOptions,
} from './options.js'
import { refuse } from './refusals.js'
import { bodyBytes, matchesAnyKey, signedPayload, type WebhookBody } from './signature.js'
import { parseJson, understand, type VerifiedWebhookEvent } from './understand.js'

/**
 * Options of {@link verifyWebhook}.
 * @example
 * await verifyWebhook({ body: rawBody, headers: req.headers, signingSecret: secret })
 */
export interface VerifyWebhookOptions extends VerifyWebhookRequestOptions {
  /** The body exactly as received. Parsing and re-serializing JSON changes it. */
  body: WebhookBody
  /** The request's headers; names are matched in any case. */
  headers: WebhookHeaders
}

/**
 * Checks that a delivery was signed by Smartpay for this endpoint, recently, and not seen before,
 * then reads it. Throws a {@link WebhookVerificationError} only when the delivery is refused: an
 * authentic one always resolves, to the typed event when this version understands the body
 * (narrow it by `type`), else to an {@link UnrecognizedWebhookEvent} (`understood: false`).
 * @example
 * app.post('/webhooks/smartpay', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await verifyWebhook({
 *     body: req.body, // a Buffer: the raw bytes, not parsed JSON
 *     headers: req.headers,
 *     signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
 *   })
 *   if (event.type === 'order.authorized') await fulfil(event.eventData.data.id)
 *   else if (!event.understood) console.warn('Smartpay event not understood:', event.issues)
 *   res.sendStatus(200)
 * })
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<VerifiedWebhookEvent> {
  return verifyDelivery(resolveOptions(options, 'call'), options.body, options.headers)
}

/**
 * @internal The checks, in order, over options resolved once: size, headers, signature,
 * timestamp, replay. Each refuses with its reason; an authentic body is read, never refused.
 */
export async function verifyDelivery(
  options: ResolvedWebhookOptions,
  body: WebhookBody,
  headers: WebhookHeaders,
): Promise<VerifiedWebhookEvent> {
  const bytes = bodyBytes(body)
  const max = options.maxBodyBytes
  if (bytes.byteLength > max) throw refuse('body-too-large', { size: bytes.byteLength, max })
  const signature = requireHeader(headers, WEBHOOK_HEADERS.signature)
  const timestamp = requireHeader(headers, WEBHOOK_HEADERS.timestamp)
  const keys = await options.keys(headers)
  if (!(await matchesAnyKey(signedPayload(timestamp, bytes), signature, keys))) {
    throw refuse('bad-signature', { signature, secrets: keys.length })
  }
  if (options.toleranceMs !== false) checkTimestamp(timestamp, options.toleranceMs)
  if (options.replays && options.store) {
    // Claimed for as long as the timestamp check lets these bytes through; after that it
    // refuses them by itself. The key is the signature, not the event id: Smartpay signs each
    // attempt anew, so its own retries are new deliveries. Only the same bytes again are refused.
    const { toleranceMs } = options
    const leaseMs =
      toleranceMs === false ? UNCHECKED_REPLAY_MS : Number(timestamp) + toleranceMs - Date.now()
    const key = `delivery:${signature.toLowerCase()}`
    if ((await options.store.claim(key, Math.max(1, leaseMs))) !== 'claimed')
      throw refuse('replayed', {})
  }
  return understand(parseJson(bytes))
}

// With the timestamp unchecked, a store given anyway remembers deliveries this long.
const UNCHECKED_REPLAY_MS = 300_000

function requireHeader(headers: WebhookHeaders, header: string): string {
  const value = readHeader(headers, header)
  if (value === undefined) throw refuse('missing-header', { header })
  return value
}

function checkTimestamp(timestamp: string, toleranceMs: number): void {
  const now = Date.now()
  const sent = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN
  if (!(Math.abs(now - sent) <= toleranceMs)) {
    throw refuse('timestamp-outside-tolerance', { timestamp, now, toleranceMs })
  }
}
