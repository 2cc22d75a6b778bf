import Smartpay from '@smartpay/sdk-node'
import { smartpay } from '../../../../lib/smartpay.js'

/** What the webhook saw, for the status page. */
export const seen: Record<string, string> = {}

/** POST /api/webhooks/smartpay: the raw body, checked against the signing secret. */
export async function POST(request: Request): Promise<Response> {
  const body = await request.text()
  const signature = request.headers.get('smartpay-signature') ?? ''
  const timestamp = request.headers.get('smartpay-signature-timestamp') ?? ''
  const secret = process.env.SMARTPAY_WEBHOOK_SECRET ?? ''
  const valid: boolean = (Smartpay as any).verifyWebhookSignature({
    data: `${timestamp}.${body}`,
    secret,
    signature,
  })
  if (!valid) return new Response('invalid signature', { status: 401 })
  const event = JSON.parse(body)
  if (event.eventData.type === 'order.authorized') {
    const order = await smartpay.getOrder({ id: event.eventData.data.id })
    seen[order.id] = order.status
  }
  return new Response(null, { status: 200 })
}
