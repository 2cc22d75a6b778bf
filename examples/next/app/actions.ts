'use server'

import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { checkoutSession } from '@/lib/cart'
import { smartpay } from '@/lib/smartpay'

/** The cart's form action: a checkout session for the cart, then off to Smartpay. */
export async function startCheckout() {
  // The shopper comes back to the origin they posted from.
  const origin = (await headers()).get('origin') ?? ''
  const session = await smartpay.checkoutSessions.create(checkoutSession(origin))
  redirect(session.url)
}
