// An Express shop that takes payment with Smartpay: the cart posts to /checkout, which creates
// a checkout session and sends the shopper to Smartpay's hosted checkout; Smartpay sends them
// back to /success and posts order.authorized to /webhooks/smartpay, where the shop captures.
import { timingSafeEqual } from 'node:crypto'
import { isSmartpayError, isValidId } from '@smartpay-kit/server-client'
import express, { type RequestHandler } from 'express'
import { checkoutSession } from './cart.ts'
import { cartPage, successPage } from './pages.ts'
import { refundOrder, smartpay } from './smartpay.ts'
import { smartpayWebhook } from './webhooks.ts'

const app = express()

// Before any body parser: the handler needs the raw bytes the signature covers.
app.post('/webhooks/smartpay', smartpayWebhook)

app.get('/', (req, res) => {
  res.send(cartPage({ canceled: 'canceled' in req.query }))
})

app.post('/checkout', async (req, res) => {
  const session = await smartpay.checkoutSessions.create(
    checkoutSession(`${req.protocol}://${req.get('host')}`),
  )
  res.redirect(303, session.url)
})

app.get('/success', async (req, res) => {
  const sessionId = req.query['session-id']
  if (typeof sessionId !== 'string' || !isValidId('checkoutSession', sessionId)) {
    res.redirect(303, '/')
    return
  }
  // expand: 'all' returns the session with its order object, not just the order's id.
  const { order } = await smartpay.checkoutSessions.retrieve(sessionId, { expand: 'all' })
  if (!order) throw new Error(`Checkout session ${sessionId} has no order.`)
  res.send(successPage(order))
})

// Refunds are a back-office action: guard them with your own admin authentication. Here, a
// bearer token from ADMIN_TOKEN.
const adminOnly: RequestHandler = (req, res, next) => {
  const expected = Buffer.from(`Bearer ${process.env.ADMIN_TOKEN ?? ''}`)
  const given = Buffer.from(req.get('authorization') ?? '')
  const ok = process.env.ADMIN_TOKEN && given.length === expected.length
  if (ok && timingSafeEqual(given, expected)) return next()
  res.status(401).json({ error: 'unauthorized' })
}

app.post('/admin/orders/:orderId/refund', adminOnly, async (req, res) => {
  const { orderId } = req.params
  if (!isValidId('order', orderId)) {
    res.status(400).json({ error: 'not an order id' })
    return
  }
  const refund = await refundOrder(orderId)
  if (!refund) {
    res.status(409).json({ error: 'nothing to refund' })
    return
  }
  res.json({ refund: refund.id, amount: refund.amount })
})

// Express 5 passes a rejected promise here. Smartpay's errors carry no key, but say little
// to a shopper: log them, answer plainly.
app.use(((error, req, res, _next) => {
  console.error(`${req.method} ${req.path}:`, isSmartpayError(error) ? error.message : error)
  res.status(500).send('Something went wrong. Please try again.')
}) satisfies express.ErrorRequestHandler)

const port = Number(process.env.PORT ?? 3000)
app.listen(port, process.env.HOST ?? 'localhost', () => {
  console.log(`Shop on http://${process.env.HOST ?? 'localhost'}:${port}`)
})
