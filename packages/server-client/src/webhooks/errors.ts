/**
 * Why a delivery was refused. Every reason but `malformed-secret` means "not a delivery to act
 * on": answer 400. `malformed-secret` is this server's configuration: answer 500.
 */
export type WebhookVerificationErrorReason =
  /** `Smartpay-Signature`, `Smartpay-Signature-Timestamp` or, for a secret function, `Smartpay-Subscription-Id` is absent. */
  | 'missing-header'
  /** No given secret produces `Smartpay-Signature` for this timestamp and body. */
  | 'bad-signature'
  /** The `signingSecret` function returned no secret for the `Smartpay-Subscription-Id`. */
  | 'unknown-endpoint'
  /** Correctly signed, but `Smartpay-Signature-Timestamp` is too far from this server's clock. */
  | 'timestamp-outside-tolerance'
  /** Correctly signed and recent, but this very delivery was accepted before: a replay. */
  | 'replayed'
  /** The body is larger than `maxBodyBytes`; nothing was computed over it. */
  | 'body-too-large'
  /** The signing secret is missing, empty or not base62, so no key can be derived from it. */
  | 'malformed-secret'

// Symbol.for is shared by every copy of this package loaded in one process, so the guard below
// recognises errors thrown by another installed copy, where `instanceof` would say no.
const BRAND = Symbol.for('@smartpay-kit/webhook-signature-error')

/**
 * A delivery was refused: it is not from Smartpay for this endpoint, not recent, a replay or too
 * large. `reason` says which check refused it. An authentic delivery never throws this.
 */
export class WebhookVerificationError extends Error {
  /** Which check refused the delivery. */
  readonly reason: WebhookVerificationErrorReason

  constructor(
    reason: WebhookVerificationErrorReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'WebhookVerificationError'
    this.reason = reason
    Object.defineProperty(this, BRAND, { value: true })
  }
}

/** True for a {@link WebhookVerificationError} from any installed copy of this package. */
export function isWebhookVerificationError(value: unknown): value is WebhookVerificationError {
  return (
    value instanceof WebhookVerificationError ||
    (value instanceof Error &&
      (value as { [BRAND]?: unknown })[BRAND] === true &&
      value.name === 'WebhookVerificationError')
  )
}
