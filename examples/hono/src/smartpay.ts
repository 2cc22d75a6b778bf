// Workers get their secrets with each request's `env`, not from a global environment, so the
// client is made from `env`: cheap (nothing is sent until a method is called), so once per
// request is fine.
import { createServerClient, parseSecretKey, type ServerClient } from '@smartpay-kit/server-client'

/** What wrangler.jsonc and the secrets bind. */
export interface Bindings {
  DB: D1Database
  SMARTPAY_SECRET_KEY: string
  SMARTPAY_WEBHOOK_SECRET: string
  ADMIN_TOKEN: string
  /** Unset in production (the live API). For the local sandbox: https://127.0.0.1:4242/v1. */
  SMARTPAY_API_PREFIX?: string
}

export function smartpayFor(env: Bindings): ServerClient {
  return createServerClient({
    secretKey: parseSecretKey(env.SMARTPAY_SECRET_KEY),
    baseUrl: env.SMARTPAY_API_PREFIX,
  })
}

/**
 * Captures an authorized order in full. The idempotency key is derived from the order, so a
 * webhook delivered twice, even to two Workers at once, makes one payment.
 */
export async function captureOrder(smartpay: ServerClient, orderId: string) {
  // The event carries the order as it was; ask how it is now (it may have been canceled since).
  const order = await smartpay.orders.retrieve(orderId)
  if (order.status !== 'requires_capture') return undefined
  return smartpay.payments.create(
    { order: order.id, amount: order.amount, currency: 'JPY' },
    { idempotencyKey: `capture-${order.id}` },
  )
}

/** Refunds what was captured of an order and not refunded yet, or returns undefined. */
export async function refundOrder(smartpay: ServerClient, orderId: string) {
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
