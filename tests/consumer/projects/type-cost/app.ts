// A small server app: five calls, as a shop's backend makes them. What it costs the compiler
// (`tsc --extendedDiagnostics`, "Instantiations") is held to a budget by typeCost.test.ts.
import { createServerClient } from '@smartpay-kit/server-client'

const smartpay = createServerClient() // SMARTPAY_SECRET_KEY from the environment

export async function checkout(): Promise<string> {
  const session = await smartpay.checkoutSessions.create({
    items: [{ name: 'Matcha 100g', amount: 1200, currency: 'JPY', quantity: 2 }],
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
    captureMethod: 'manual',
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  })
  return smartpay.checkoutUrl(session, { promotionCode: 'SPRING10' })
}

export async function successPage(sessionId: string): Promise<string | undefined> {
  const { order } = await smartpay.checkoutSessions.retrieve(sessionId, { expand: 'all' })
  return order?.status
}

export async function capture(orderId: string): Promise<string | undefined> {
  const order = await smartpay.orders.retrieve(orderId)
  if (order.status !== 'requires_capture') return undefined
  const payment = await smartpay.payments.create(
    { order: order.id, amount: order.amount, currency: 'JPY' },
    { idempotencyKey: `capture-${order.id}` },
  )
  return payment.id
}

export async function refund(paymentId: string): Promise<number> {
  const refunded = await smartpay.refunds.create({
    payment: paymentId,
    amount: 1200,
    currency: 'JPY',
    reason: 'requested_by_customer',
  })
  return refunded.amount
}
