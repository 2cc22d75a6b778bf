// A route handler: creates a checkout session when a shopper posts to it, at run time only.
import { smartpay } from '../smartpay.js'

export async function POST() {
  const session = await smartpay.checkoutSessions.create({
    items: [{ name: 'Matcha 100g', amount: 1200, currency: 'JPY', quantity: 1 }],
    shippingInfo: {
      address: {
        line1: '1-1-1 Chiyoda',
        locality: 'Chiyoda-ku',
        postalCode: '100-0001',
        country: 'JP',
      },
    },
    customerInfo: { emailAddress: 'hanako@example.com' },
    reference: 'CONSUMER-SSR',
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  })
  return Response.redirect(session.url, 303)
}
