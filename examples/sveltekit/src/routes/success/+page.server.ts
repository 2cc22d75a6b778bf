import { isValidId } from '@smartpay-kit/server-client'
import { error, redirect } from '@sveltejs/kit'
import { smartpay } from '#lib/server/smartpay.ts'
import type { PageServerLoad } from './$types'

// Smartpay sends the shopper here with `session-id` in the query.
export const load: PageServerLoad = async ({ url }) => {
  const sessionId = url.searchParams.get('session-id')
  if (!isValidId('checkoutSession', sessionId)) redirect(303, '/')
  // expand: 'all' returns the session with its order object, not just the order's id.
  const { order } = await smartpay.checkoutSessions.retrieve(sessionId, { expand: 'all' })
  if (!order) error(404, 'This checkout session has no order.')
  // Only what the page shows goes to the browser.
  return { order: { id: order.id, amount: order.amount, status: order.status } }
}
