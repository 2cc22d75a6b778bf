import { WEBHOOK_HEADERS } from './headers.js'
import { computeWebhookSignature, signedPayload, type WebhookBody } from './signature.js'

/**
 * Options of {@link signWebhook}.
 * @example
 * signWebhook({ body: JSON.stringify(event), signingSecret: endpoint.signingSecret })
 */
export interface SignWebhookOptions {
  /** The body to send, exactly as the handler under test will receive it. */
  body: WebhookBody
  /** The endpoint's `signingSecret` (base62). */
  signingSecret: string
  /**
   * Signing time in ms since the epoch (or the header's text verbatim).
   * @default Date.now()
   */
  timestamp?: number | string | undefined
  /** Also sets `Smartpay-Subscription-Id`, for handlers that pick the secret by endpoint. */
  subscriptionId?: string | undefined
  /** Also sets `Smartpay-Event-Id`, for handlers that de-duplicate deliveries. */
  eventId?: string | undefined
}

/** A signature and the headers that carry it, as Smartpay would send them. */
export interface SignedWebhook {
  /** `Smartpay-Signature`: 64 lowercase hex digits. */
  signature: string
  /** `Smartpay-Signature-Timestamp`, verbatim. */
  timestamp: string
  /** Every `Smartpay-*` header of the delivery, ready for `fetch` or a test request. */
  headers: Record<string, string>
}

/**
 * Signs a body the way Smartpay signs deliveries, to test your own webhook handler.
 * @example
 * const body = JSON.stringify(event)
 * const { headers } = await signWebhook({ body, signingSecret })
 * await fetch('http://127.0.0.1:3000/webhooks/smartpay', { method: 'POST', body, headers })
 */
export async function signWebhook(options: SignWebhookOptions): Promise<SignedWebhook> {
  const timestamp = String(options.timestamp ?? Date.now())
  const signature = await computeWebhookSignature(
    signedPayload(timestamp, options.body),
    options.signingSecret,
  )
  const headers: Record<string, string> = {
    [WEBHOOK_HEADERS.signature]: signature,
    [WEBHOOK_HEADERS.timestamp]: timestamp,
  }
  if (options.subscriptionId !== undefined) {
    headers[WEBHOOK_HEADERS.subscriptionId] = options.subscriptionId
  }
  if (options.eventId !== undefined) headers[WEBHOOK_HEADERS.eventId] = options.eventId
  return { signature, timestamp, headers }
}
