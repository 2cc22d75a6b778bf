// POST /admin/orders/:orderId/refund. Refunds are a back-office action: guard them with your
// own admin authentication. Here, a bearer token from ADMIN_TOKEN.
import { timingSafeEqual } from 'node:crypto'
import { isValidId } from '@smartpay-kit/server-client'
import { refundOrder } from '@/lib/smartpay'

function isAdmin(request: Request) {
  const expected = Buffer.from(`Bearer ${process.env.ADMIN_TOKEN ?? ''}`)
  const given = Buffer.from(request.headers.get('authorization') ?? '')
  return (
    !!process.env.ADMIN_TOKEN &&
    given.length === expected.length &&
    timingSafeEqual(given, expected)
  )
}

export async function POST(
  request: Request,
  { params }: RouteContext<'/admin/orders/[orderId]/refund'>,
) {
  if (!isAdmin(request)) return Response.json({ error: 'unauthorized' }, { status: 401 })
  const { orderId } = await params
  if (!isValidId('order', orderId))
    return Response.json({ error: 'not an order id' }, { status: 400 })
  const refund = await refundOrder(orderId)
  if (!refund) return Response.json({ error: 'nothing to refund' }, { status: 409 })
  return Response.json({ refund: refund.id, amount: refund.amount })
}
