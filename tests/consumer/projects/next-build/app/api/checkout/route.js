import { smartpay } from '../../../lib/smartpay.js'

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
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  })
  return Response.redirect(session.url, 303)
}
