// An Express shop written against the official SDK, as its README and integration example
// show: checkout, the shopper's return, a webhook, then capture and refund from the back office.
const express = require('express')
const Smartpay = require('@smartpay/sdk-node').default

const smartpay = new Smartpay(process.env.SMARTPAY_SECRET_KEY, {
  publicKey: process.env.SMARTPAY_PUBLIC_KEY,
  apiPrefix: process.env.SMARTPAY_API_PREFIX, // a staging API; the live one when unset
})
const secret = process.env.SMARTPAY_WEBHOOK_SECRET

const app = express()
// Orders the webhook told us about, by id.
const authorized = new Map()

app.use(
  express.json({
    verify: Smartpay.expressWebhookMiddleware(secret),
  }),
)

app.post('/checkout', async (req, res) => {
  const { cart, promotionCode } = req.body
  const session = await smartpay.createCheckoutSession({
    items: cart.map((line) => ({
      name: line.name,
      amount: line.price,
      currency: 'JPY',
      quantity: line.qty,
    })),
    shippingInfo: {
      address: {
        line1: '1-1-1 Chiyoda',
        locality: 'Chiyoda-ku',
        postalCode: '100-0001',
        country: 'JP',
      },
      feeAmount: 500,
    },
    customerInfo: { emailAddress: 'hanako@example.com' },
    captureMethod: Smartpay.CAPTURE_METHOD_MANUAL,
    reference: req.body.reference,
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
    idempotencyKey: `checkout-${req.body.reference}`,
  })
  res.json({
    id: session.id,
    amount: session.order.amount,
    url: Smartpay.getSessionURL(session, { promotionCode }),
  })
})

app.get('/orders/:id', async (req, res) => {
  let order
  try {
    order = await smartpay.getOrder({ id: req.params.id })
  } catch (error) {
    if (error.statusCode === 404) return res.status(404).json({ error: error.errorCode })
    throw error
  }
  res.json({
    status: order.status,
    amount: order.amount,
    webhook: authorized.get(order.id) || null,
  })
})

app.post('/orders/:id/capture', async (req, res) => {
  const order = await smartpay.getOrder({ id: req.params.id, expand: 'all' })
  if (order.status !== 'requires_capture') return res.status(409).json({ status: order.status })
  const payment = await smartpay.capture({
    order: order.id,
    amount: order.amount,
    currency: order.currency,
    idempotencyKey: `capture-${order.id}`,
  })
  await smartpay.updatePayment({ id: payment.id, reference: `PAY-${order.reference}` })
  const saved = await smartpay.getPayment({ id: payment.id })
  res.json({ payment: payment.id, amount: payment.amount, reference: saved.reference })
})

app.post('/payments/:id/refund', async (req, res) => {
  const refund = await smartpay.refund({
    payment: req.params.id,
    amount: req.body.amount,
    currency: 'JPY',
    reason: Smartpay.REFUND_REQUEST_BY_CUSTOMER,
  })
  const orders = await smartpay.listOrders({ maxResults: 10 })
  res.json({ amount: refund.amount, reason: refund.reason, listed: orders.data.length > 0 })
})

app.post('/webhooks/smartpay', async (req, res) => {
  const signature = req.headers['smartpay-signature']
  if (!signature || signature !== req.headers['calculated-signature']) {
    return res.status(401).send('invalid signature')
  }
  const event = req.body
  switch (event.eventData.type) {
    case 'order.authorized': {
      const order = await smartpay.getOrder({ id: event.eventData.data.id })
      authorized.set(order.id, order.status)
      break
    }
    default:
      console.log('ignored', event.eventData.type)
  }
  res.sendStatus(200)
})

app.use((error, _req, res, _next) => {
  res.status(500).json({ error: error.message })
})

const server = app.listen(Number(process.env.PORT), '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`)
})
