// The webhook endpoint, POST /api/webhooks/smartpay. Smartpay signs every delivery and delivers
// it again until it gets a 200; the handler verifies the signature over the raw body, runs each
// event's code once, and answers 400 to anything it cannot verify. SMARTPAY_WEBHOOK_SECRET is
// the endpoint's signingSecret (shown once, when the endpoint is created).
import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'
import { captureOrder } from '@/lib/smartpay'

export const POST = createWebhookHandler({
  signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
  on: {
    // The shopper authorized: ship, and capture. A throw answers 500, and Smartpay retries.
    'order.authorized': async (event) => {
      const payment = await captureOrder(event.eventData.data.id)
      console.log(`order ${event.eventData.data.id}: captured ${payment?.id ?? 'nothing'}`)
    },
  },
})
