'use client'

import {
  type CheckoutSessionOrder,
  createPublicClient,
  parsePublicKey,
} from '@smartpay-kit/public-client'
import { useEffect, useState } from 'react'

// NEXT_PUBLIC_ variables are inlined at build time; the public key is meant to be seen.
const smartpay = createPublicClient({
  publicKey: parsePublicKey(process.env.NEXT_PUBLIC_SMARTPAY_PUBLIC_KEY),
  // Unset in production (the live API). For the local sandbox: https://127.0.0.1:4242/v1.
  baseUrl: process.env.NEXT_PUBLIC_SMARTPAY_API_PREFIX,
})

/** What the shopper is told for each order status. */
const MESSAGES: Record<string, string> = {
  requires_capture: 'Your purchase is approved. You will be charged when it ships.',
  succeeded: 'Your purchase is approved and paid for. It is on its way.',
  canceled: 'This order was canceled.',
}

/** Reads the checkout session with the public key and shows how its order stands. */
export function OrderStatus({ sessionId }: { sessionId: string }) {
  const [order, setOrder] = useState<CheckoutSessionOrder>()
  const [error, setError] = useState<string>()

  useEffect(() => {
    const controller = new AbortController()
    // expand: 'all' returns the session with its order object, not just the order's id, and
    // types it so.
    smartpay.checkoutSessions
      .retrieve(sessionId, { expand: 'all' }, { signal: controller.signal })
      .then((session) => {
        if (session.order) setOrder(session.order)
        else setError('This checkout session has no order.')
      })
      .catch((reason: Error) => {
        if (!controller.signal.aborted) setError(reason.message)
      })
    return () => controller.abort()
  }, [sessionId])

  if (error) return <p id="error">We could not read your order: {error}</p>
  if (!order) return <p aria-busy="true">Reading your order…</p>
  return (
    <>
      <p id="message">{MESSAGES[order.status] ?? 'Your order is being processed.'}</p>
      <dl>
        <dt>Order</dt>
        <dd id="order">{order.id}</dd>
        <dt>Status</dt>
        <dd id="status">{order.status}</dd>
      </dl>
    </>
  )
}
