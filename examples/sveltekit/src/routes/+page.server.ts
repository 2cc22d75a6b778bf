import { redirect } from '@sveltejs/kit'
import { checkoutSession } from '#lib/cart.ts'
import { smartpay } from '#lib/server/smartpay.ts'
import type { Actions } from './$types'

export const actions = {
  // The cart's form: a checkout session made on the server, from the server's prices, then off
  // to Smartpay's hosted checkout.
  checkout: async ({ url }) => {
    const session = await smartpay.checkoutSessions.create(checkoutSession(url.origin))
    // An external redirect, to the URL Smartpay's API gave (SvelteKit refuses one by default).
    redirect(303, session.url, { external: true })
  },
} satisfies Actions
