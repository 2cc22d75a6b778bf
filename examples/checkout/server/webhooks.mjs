// The webhook receiver: verify, de-duplicate, re-read, then act. Smartpay retries a delivery
// until it gets a 200, so the same event can arrive more than once, even at the same time.
import { isWebhookSignatureError, verifyWebhook } from '@smartpay-kit/server-client/webhooks'

/** @typedef {import('@smartpay-kit/server-client').ServerClient} ServerClient */
/** @typedef {import('@smartpay-kit/server-client/webhooks').WebhookEvent} WebhookEvent */

/**
 * What the receiver did with one delivery.
 * - `captured`: the order was authorized and is now paid for.
 * - `not-capturable`: the order was no longer waiting for a capture (canceled, captured…).
 * - `ignored`: an event type this shop does not act on, or one newer than the installed
 *   `@smartpay-kit/server-client` (authentic, so acknowledged; `type` is then a plain string).
 * - `duplicate`: an event already handled (or being handled); acknowledged, nothing done.
 * @typedef {{
 *   eventId: string,
 *   type: WebhookEvent['type'] | string,
 *   outcome: 'captured' | 'not-capturable' | 'ignored' | 'duplicate',
 *   orderId?: string | undefined,
 *   orderStatus?: string,
 *   paymentId?: string,
 * }} WebhookRecord
 */

/**
 * @param {{
 *   smartpay: ServerClient,
 *   signingSecrets: ReadonlyMap<string, string>,
 *   onRecord?: (record: WebhookRecord) => void,
 * }} options `signingSecrets` maps each webhook endpoint's id to its signing secret
 */
export function createWebhookReceiver({ smartpay, signingSecrets, onRecord = () => {} }) {
  /**
   * Event id → its handling. In production this is a table with a unique index on the event
   * id; a Map is enough for one process. Holding the promise, not the result, makes a
   * duplicate that arrives mid-handling wait for the first instead of capturing again.
   * @type {Map<string, Promise<WebhookRecord>>}
   */
  const handled = new Map()
  /** @type {WebhookRecord[]} */
  const records = []

  /** @param {WebhookRecord} record */
  const record = (record) => {
    records.push(record)
    onRecord(record)
  }

  /**
   * @param {WebhookEvent} event
   * @returns {Promise<WebhookRecord>}
   */
  async function act(event) {
    const base = { eventId: event.id, type: event.type }
    if (event.type !== 'order.authorized') return { ...base, outcome: 'ignored' }
    // The event carries the order as it was when the event was sent. Ask the API how it is now:
    // an old or replayed event must not capture an order that was canceled since.
    const order = await smartpay.orders.retrieve(event.eventData.data.id)
    if (order.status !== 'requires_capture')
      return { ...base, outcome: 'not-capturable', orderId: order.id, orderStatus: order.status }
    // Capture the whole order. The idempotency key is derived from the order, so even two
    // processes that both got past the checks above make only one payment.
    const payment = await smartpay.payments.create(
      { order: order.id, amount: order.amount, currency: 'JPY' },
      { idempotencyKey: `capture-${order.id}` },
    )
    return { ...base, outcome: 'captured', orderId: order.id, paymentId: payment.id }
  }

  /**
   * Handles one delivery and says which HTTP status to answer: 200 once the event is handled
   * (or was before, or is of a type this shop does not act on), 400 when it is not signed by
   * Smartpay for one of our endpoints. Throws when acting failed, so that the server answers
   * 500 and Smartpay delivers the event again.
   * @param {Uint8Array} body the raw request body: re-serialized JSON would not verify
   * @param {import('node:http').IncomingHttpHeaders} headers
   * @returns {Promise<200 | 400>}
   */
  async function receive(body, headers) {
    let event
    try {
      event = await verifyWebhook({
        body,
        headers,
        // One secret per endpoint, picked by the Smartpay-Subscription-Id header. An unknown
        // endpoint has no secret, so nothing can verify.
        signingSecret: (endpointId) => signingSecrets.get(endpointId) ?? [],
      })
    } catch (error) {
      // Authentic, but of a type Smartpay added after this package: acknowledge it, or Smartpay
      // would keep delivering it. This shop acts on order.authorized only.
      if (isWebhookSignatureError(error) && error.reason === 'unknown-event-type') {
        const type = error.event?.type ?? ''
        record({ eventId: String(error.event?.id), type, outcome: 'ignored' })
        return 200
      }
      if (isWebhookSignatureError(error)) return 400
      throw error
    }
    // De-duplicate on the id inside the signed body: the Smartpay-Event-Id header carries the
    // same id, but the signature does not cover headers.
    const earlier = handled.get(event.id)
    if (earlier) {
      const first = await earlier
      record({ eventId: event.id, type: event.type, outcome: 'duplicate', orderId: first.orderId })
      return 200
    }
    const handling = act(event)
    handled.set(event.id, handling)
    try {
      record(await handling)
      return 200
    } catch (error) {
      handled.delete(event.id) // let Smartpay's retry try again
      throw error
    }
  }

  return { receive, records }
}
