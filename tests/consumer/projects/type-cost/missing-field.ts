// A create call without `cancelUrl`: its error must name the params interface.
import { createServerClient } from '@smartpay-kit/server-client'

export const session = await createServerClient().checkoutSessions.create({
  items: [{ name: 'Matcha 100g', amount: 1200 }],
  shippingInfo: {
    address: {
      line1: '1-1-1 Chiyoda',
      locality: 'Chiyoda-ku',
      postalCode: '100-0001',
      country: 'JP',
    },
  },
  customerInfo: {},
  successUrl: 'https://shop.example/thanks',
})
