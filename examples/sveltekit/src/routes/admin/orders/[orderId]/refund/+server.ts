// POST /admin/orders/:orderId/refund. Refunds are a back-office action: guard them with your
// own admin authentication. Here, a bearer token from ADMIN_TOKEN.
import { timingSafeEqual } from 'node:crypto'
import { isValidId } from '@smartpay-kit/server-client'
import { json } from '@sveltejs/kit'
import { refundOrder } from '#lib/server/smartpay.ts'
import { ADMIN_TOKEN } from '$app/env/private'
import type { RequestHandler } from './$types'

function isAdmin(request: Request) {
  const expected = Buffer.from(`Bearer ${ADMIN_TOKEN ?? ''}`)
  const given = Buffer.from(request.headers.get('authorization') ?? '')
  return !!ADMIN_TOKEN && given.length === expected.length && timingSafeEqual(given, expected)
}

export const POST: RequestHandler = async ({ request, params }) => {
  if (!isAdmin(request)) return json({ error: 'unauthorized' }, { status: 401 })
  if (!isValidId('order', params.orderId))
    return json({ error: 'not an order id' }, { status: 400 })
  const refund = await refundOrder(params.orderId)
  if (!refund) return json({ error: 'nothing to refund' }, { status: 409 })
  return json({ refund: refund.id, amount: refund.amount })
}
