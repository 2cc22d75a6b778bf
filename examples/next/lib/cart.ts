// What the shop sells and who is buying. The session is built here, on the server, from the
// shop's own prices: the browser only presses "Pay", so a shopper cannot change the amount.
import type { CreateCheckoutSessionParams } from '@smartpay-kit/server-client'

/** The demo cart: ¥3,300 in all. A real shop reads the shopper's cart from its database. */
export const CART = [
  { name: 'Uji matcha, 100 g', amount: 1200, quantity: 2 },
  { name: 'Bamboo whisk (chasen)', amount: 900, quantity: 1 },
]

/** Checkout-session parameters for the cart; the shopper comes back to `origin`. */
export function checkoutSession(origin: string): CreateCheckoutSessionParams {
  return {
    // amount and currency are summed from the items by the client.
    items: CART.map((item) => ({ ...item, currency: 'JPY' })),
    // A real shop fills these from the signed-in customer.
    customerInfo: {
      emailAddress: 'hanako.yamada@example.com',
      firstName: 'Hanako',
      lastName: 'Yamada',
      firstNameKana: 'ハナコ',
      lastNameKana: 'ヤマダ',
    },
    shippingInfo: {
      address: {
        line1: '1-1-1 Chiyoda',
        locality: 'Chiyoda-ku',
        administrativeArea: 'Tokyo',
        postalCode: '100-0001',
        country: 'JP',
      },
    },
    // Authorize now, capture when the order.authorized webhook arrives (see webhooks.ts).
    captureMethod: 'manual',
    successUrl: `${origin}/success`,
    cancelUrl: `${origin}/?canceled`,
  }
}

/** `3300` → `¥3,300`. */
export const yen = (amount: number) =>
  new Intl.NumberFormat('ja-JP', { style: 'currency', currency: 'JPY' }).format(amount)
