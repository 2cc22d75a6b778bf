// The server client, made once per server process. It reads SMARTPAY_SECRET_KEY (and
// SMARTPAY_API_PREFIX, set only for the local sandbox) when it first calls the API, so
// `next build` needs no secret. Import it from server code only (route handlers, server actions,
// server components): a client component that imports it breaks the build.
import { createServerClient } from '@smartpay-kit/server-client'

export const smartpay = createServerClient()

/**
 * Captures an authorized order in full. The idempotency key is derived from the order, so a
 * webhook delivered twice, even to two servers at once, makes one payment.
 */
export async function captureOrder(orderId: string) {
  // The event carries the order as it was; ask how it is now (it may have been canceled since).
  const order = await smartpay.orders.retrieve(orderId)
  if (order.status !== 'requires_capture') return undefined
  return smartpay.payments.create(
    { order: order.id, amount: order.amount, currency: 'JPY' },
    { idempotencyKey: `capture-${order.id}` },
  )
}

/** Refunds what was captured of an order and not refunded yet, or returns undefined. */
export async function refundOrder(orderId: string) {
  const order = await smartpay.orders.retrieve(orderId, { expand: 'all' })
  const payment = order.payments?.find((p) => p.status !== 'refunded')
  if (!payment) return undefined
  return smartpay.refunds.create(
    {
      payment: payment.id,
      amount: payment.amount,
      currency: 'JPY',
      reason: 'requested_by_customer',
    },
    { idempotencyKey: `refund-${payment.id}` },
  )
}
