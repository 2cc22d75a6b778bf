import Smartpay from '@smartpay/sdk-node'
import { smartpay } from '../../../lib/smartpay.js'

/** POST /api/checkout: a session for the cart, and where to send the shopper. */
export async function POST(request: Request): Promise<Response> {
  const { cart, reference, promotionCode } = (await request.json()) as {
    cart: { name: string; price: number; qty: number }[]
    reference: string
    promotionCode?: string
  }
  const session = await smartpay.createCheckoutSession({
    items: cart.map((line) => ({
      name: line.name,
      amount: line.price,
      currency: 'JPY',
      quantity: line.qty,
    })),
    shippingInfo: {
      address: {
        line1: '1-1-1 Chiyoda',
        locality: 'Chiyoda-ku',
        postalCode: '100-0001',
        country: 'JP',
      },
      feeAmount: 500,
    },
    customerInfo: { emailAddress: 'hanako@example.com' },
    captureMethod: (Smartpay as any).CAPTURE_METHOD_MANUAL,
    reference,
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  })
  const url: string = (Smartpay as any).getSessionURL(session, { promotionCode })
  return Response.json({ id: session.id, amount: session.order.amount, url })
}
