// The app each runtime serves: the webhook handler on POST /webhooks, and GET /handled, which
// lists what the shop's functions saw, so the test can check they ran, and how often.
import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'

/** @param {string} signingSecret */
export function app(signingSecret) {
  /** @type {string[]} */
  const handled = []
  let refundAttempts = 0
  const webhook = createWebhookHandler({
    signingSecret,
    onError: () => {},
    on: {
      'order.authorized': async (event) => {
        handled.push(`${event.type} ${event.eventData.data.amount}`)
      },
      'refund.created': async (event) => {
        // The first try fails, as a database that is down would: Smartpay must retry.
        if (++refundAttempts === 1) throw new Error('first try fails')
        handled.push(`${event.type} ${event.eventData.data.amount}`)
      },
    },
    unrecognized: (event) => {
      handled.push(`unrecognized ${event.eventType}`)
    },
  })
  /** @param {Request} request */
  return (request) =>
    new URL(request.url).pathname === '/handled' ? Response.json(handled) : webhook(request)
}
