// The webhook endpoint, POST /webhooks/smartpay. Smartpay signs every delivery and delivers it
// again until it gets a 200; the handler verifies the signature over the raw body, runs each
// event's code once, and answers 400 to anything it cannot verify.
import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'
import { captureOrder } from '#lib/server/smartpay.ts'
import { SMARTPAY_WEBHOOK_SECRET } from '$app/env/private'
import type { RequestHandler } from './$types'

const smartpayWebhook = createWebhookHandler({
  signingSecret: SMARTPAY_WEBHOOK_SECRET,
  on: {
    // The shopper authorized: ship, and capture. A throw answers 500, and Smartpay retries.
    'order.authorized': async (event) => {
      const payment = await captureOrder(event.eventData.data.id)
      console.log(`order ${event.eventData.data.id}: captured ${payment?.id ?? 'nothing'}`)
    },
  },
})

export const POST: RequestHandler = ({ request }) => smartpayWebhook(request)
