// An ESM Node app: one checkout session against the sandbox, through the installed tarballs.
// The test passes SMARTPAY_SECRET_KEY, SMARTPAY_BASE_URL and NODE_EXTRA_CA_CERTS.
import { createServerClient } from '@smartpay-kit/server-client'
import { verifyWebhook } from '@smartpay-kit/server-client/webhooks'

const smartpay = createServerClient({ baseUrl: process.env.SMARTPAY_BASE_URL })
const session = await smartpay.checkoutSessions.create({
  items: [{ name: 'Matcha 100g', amount: 1200, currency: 'JPY', quantity: 2 }],
  shippingInfo: {
    address: {
      line1: '1-1-1 Chiyoda',
      locality: 'Chiyoda-ku',
      postalCode: '100-0001',
      country: 'JP',
    },
  },
  customerInfo: { emailAddress: 'hanako@example.com' },
  reference: 'CONSUMER-ESM',
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
})
console.log(
  JSON.stringify({
    id: session.id,
    amount: session.order?.amount,
    checkoutUrl: smartpay.checkoutUrl(session),
    verifyWebhook: typeof verifyWebhook,
  }),
)
