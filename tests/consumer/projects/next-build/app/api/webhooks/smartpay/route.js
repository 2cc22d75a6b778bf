// The webhook route as the README shows it: the handler made at module level.
import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'
import { smartpay } from '../../../../lib/smartpay.js'

console.log(`webhook route evaluated, NEXT_PHASE=${process.env.NEXT_PHASE}`)

export const POST = createWebhookHandler({
  signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
  on: {
    'order.authorized': async (event) => {
      await smartpay.orders.retrieve(event.eventData.data.id)
    },
  },
})
