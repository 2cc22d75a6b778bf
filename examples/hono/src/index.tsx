// A Hono shop on Cloudflare Workers that takes payment with Smartpay: the cart posts to
// /checkout, which creates a checkout session and sends the shopper to Smartpay's hosted
// checkout; Smartpay sends them back to /success and posts order.authorized to
// /webhooks/smartpay, where the shop captures.
import { isValidId } from '@smartpay-kit/server-client'
import { createWebhookHandler, type WebhookHandler } from '@smartpay-kit/server-client/webhooks'
import { d1EventStore } from '@smartpay-kit/server-client/webhooks/d1'
import { Hono } from 'hono'
import { bearerAuth } from 'hono/bearer-auth'
import { checkoutSession } from './cart.ts'
import { CartPage, SuccessPage } from './pages.tsx'
import { type Bindings, captureOrder, refundOrder, smartpayFor } from './smartpay.ts'

type Env = { Bindings: Bindings }

const app = new Hono<Env>()

app.get('/', (c) => c.html(<CartPage canceled={c.req.query('canceled') !== undefined} />))

app.post('/checkout', async (c) => {
  const session = await smartpayFor(c.env).checkoutSessions.create(
    checkoutSession(new URL(c.req.url).origin),
  )
  return c.redirect(session.url, 303)
})

app.get('/success', async (c) => {
  const sessionId = c.req.query('session-id')
  if (!isValidId('checkoutSession', sessionId)) return c.redirect('/', 303)
  // expand: 'all' returns the session with its order object, not just the order's id.
  const { order } = await smartpayFor(c.env).checkoutSessions.retrieve(sessionId, { expand: 'all' })
  if (!order) throw new Error(`Checkout session ${sessionId} has no order.`)
  return c.html(<SuccessPage order={order} />)
})

// The webhook endpoint. Smartpay signs every delivery and delivers it again until it gets a
// 200; the handler verifies the signature over the raw body and runs each event's code once.
// Events are claimed in D1, which every Worker shares: a Worker's memory is not (a delivery and
// its retry may reach two of them). Made at the first delivery, once `env` is known.
let smartpayWebhook: WebhookHandler | undefined
app.post('/webhooks/smartpay', (c) => {
  const { env } = c
  smartpayWebhook ??= createWebhookHandler({
    signingSecret: env.SMARTPAY_WEBHOOK_SECRET,
    store: d1EventStore(env.DB),
    on: {
      // The shopper authorized: ship, and capture. A throw answers 500, and Smartpay retries.
      'order.authorized': async (event) => {
        const payment = await captureOrder(smartpayFor(env), event.eventData.data.id)
        console.log(`order ${event.eventData.data.id}: captured ${payment?.id ?? 'nothing'}`)
      },
    },
  })
  return smartpayWebhook(c.req.raw)
})

// Refunds are a back-office action: guard them with your own admin authentication. Here, a
// bearer token from the ADMIN_TOKEN secret.
app.use('/admin/*', (c, next) => bearerAuth<Env>({ token: c.env.ADMIN_TOKEN })(c, next))

app.post('/admin/orders/:orderId/refund', async (c) => {
  const orderId = c.req.param('orderId')
  if (!isValidId('order', orderId)) return c.json({ error: 'not an order id' }, 400)
  const refund = await refundOrder(smartpayFor(c.env), orderId)
  if (!refund) return c.json({ error: 'nothing to refund' }, 409)
  return c.json({ refund: refund.id, amount: refund.amount })
})

export default app
