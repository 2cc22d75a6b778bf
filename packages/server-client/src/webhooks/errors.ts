/** Why a delivery was refused. */
export type WebhookSignatureErrorReason =
  /** `Smartpay-Signature`, `Smartpay-Signature-Timestamp` or, for a secret function, `Smartpay-Subscription-Id` is absent. */
  | 'missing-header'
  /** No given secret produces `Smartpay-Signature` for this timestamp and body. */
  | 'bad-signature'
  /** Correctly signed, but `Smartpay-Signature-Timestamp` is too far from this server's clock. */
  | 'timestamp-outside-tolerance'
  /** The signing secret is empty or not base62, so no key can be derived from it. */
  | 'malformed-secret'
  /** Correctly signed, but the body is not JSON, or not shaped like a Smartpay event. */
  | 'malformed-body'
  /**
   * Correctly signed and recent, but of an event type this version does not know: Smartpay has
   * added one. `error.event` holds the verified event; answer 200 unless you handle it.
   */
  | 'unknown-event-type'

/** An authentic event of a type this version does not know, as {@link WebhookSignatureError.event}. */
export interface UnknownWebhookEvent {
  id?: unknown
  /** The type as Smartpay named it (`event`, else `eventData.type`). */
  type: string
  eventData: { type: string; data?: unknown; [field: string]: unknown }
  [field: string]: unknown
}

// Symbol.for is shared by every copy of this package loaded in one process, so the guard below
// recognises errors thrown by another installed copy, where `instanceof` would say no.
const BRAND = Symbol.for('@smartpay-kit/webhook-signature-error')

/** A webhook delivery failed verification; `reason` says which check refused it. */
export class WebhookSignatureError extends Error {
  /** Which check refused the delivery. */
  readonly reason: WebhookSignatureErrorReason
  /** For `unknown-event-type` only: the verified event, parsed but not checked any further. */
  readonly event?: UnknownWebhookEvent

  constructor(
    reason: WebhookSignatureErrorReason,
    message: string,
    options?: { cause?: unknown; event?: UnknownWebhookEvent },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'WebhookSignatureError'
    this.reason = reason
    if (options?.event !== undefined) this.event = options.event
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/** True for a {@link WebhookSignatureError} from any installed copy of this package. */
export function isWebhookSignatureError(value: unknown): value is WebhookSignatureError {
  return (
    value instanceof WebhookSignatureError ||
    (value instanceof Error &&
      (value as { [BRAND]?: unknown })[BRAND] === true &&
      value.name === 'WebhookSignatureError')
  )
}
