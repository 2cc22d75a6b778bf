// The webhook receiver: the server client's handler verifies each delivery, answers duplicates
// and replays, and runs the shop's code for the one event it acts on. Smartpay retries a
// delivery until it gets a 200, so the same event can arrive more than once.
import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'
import { toNodeHandler } from '@smartpay-kit/server-client/webhooks/node'

/** @typedef {import('@smartpay-kit/server-client').ServerClient} ServerClient */

/**
 * What the receiver did with one event it ran code for.
 * - `captured`: the order was authorized and is now paid for.
 * - `not-capturable`: the order was no longer waiting for a capture (canceled, captured…).
 * - `ignored`: authentic, but not an event this version of `@smartpay-kit/server-client`
 *   understands (a type Smartpay added since, say): acknowledged, nothing done.
 * An event handled already is answered 200 by the handler itself and leaves no record.
 * @typedef {{
 *   eventId: string,
 *   type: string,
 *   outcome: 'captured' | 'not-capturable' | 'ignored',
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
 *   onError?: (error: unknown) => void,
 * }} options `signingSecrets` maps each webhook endpoint's id to its signing secret
 */
export function createWebhookReceiver({ smartpay, signingSecrets, onRecord, onError }) {
  /** @type {WebhookRecord[]} */
  const records = []

  /** @param {WebhookRecord} record */
  const record = (record) => {
    records.push(record)
    onRecord?.(record)
  }

  const handler = createWebhookHandler({
    // One secret per endpoint, picked by the Smartpay-Subscription-Id header. An unknown
    // endpoint has no secret, so nothing can verify.
    signingSecret: (endpointId) => signingSecrets.get(endpointId) ?? [],
    on: {
      'order.authorized': async (event) => {
        const base = { eventId: event.id, type: event.type }
        // The event carries the order as it was when the event was sent. Ask the API how it is
        // now: an old event must not capture an order that was canceled since.
        const order = await smartpay.orders.retrieve(event.eventData.data.id)
        if (order.status !== 'requires_capture') {
          const { id: orderId, status: orderStatus } = order
          return record({ ...base, outcome: 'not-capturable', orderId, orderStatus })
        }
        // Capture the whole order. The idempotency key is derived from the order, so even two
        // servers that both got past the check above make only one payment.
        const payment = await smartpay.payments.create(
          { order: order.id, amount: order.amount, currency: 'JPY' },
          { idempotencyKey: `capture-${order.id}` },
        )
        record({ ...base, outcome: 'captured', orderId: order.id, paymentId: payment.id })
      },
    },
    // Authentic, but newer than this package: acknowledge it, or Smartpay would keep delivering.
    unrecognized: (event) =>
      record({ eventId: String(event.id), type: event.eventType ?? '', outcome: 'ignored' }),
    // A throw above answers 500, and Smartpay delivers the event again later.
    ...(onError ? { onError } : {}),
  })

  // node:http hands over a stream; the adapter passes the handler the raw bytes.
  return { handle: toNodeHandler(handler), records }
}
