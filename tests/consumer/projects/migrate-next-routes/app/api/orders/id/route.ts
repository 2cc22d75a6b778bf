import { isValidOrderId } from '@smartpay/sdk-node'
import { smartpay } from '../../../../lib/smartpay.js'

/** GET /api/orders/[id]: the order's status, for the thank-you page. */
export async function GET(
  _request: Request,
  { params }: { params: { id: string } },
): Promise<Response> {
  if (!isValidOrderId(params.id)) return Response.json({ error: 'not found' }, { status: 404 })
  const order = await smartpay.getOrder({ id: params.id })
  return Response.json({ status: order.status, amount: order.amount })
}
