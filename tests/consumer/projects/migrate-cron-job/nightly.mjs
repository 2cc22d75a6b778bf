// A nightly job written against the official SDK: `setup` opens the day's checkouts (two
// orders and a saved payment method), `run` does the back office: the campaign's coupon and
// promotion code, captures every order waiting for it, charges the saved token, refunds, and
// keeps the webhook endpoints tidy. Prints what it did as JSON. RUN names this run's objects.
import Smartpay, { isValidOrderId, isValidPaymentId } from '@smartpay/sdk-node'

const smartpay = new Smartpay(process.env.SMARTPAY_SECRET_KEY, {
  apiPrefix: process.env.SMARTPAY_API_PREFIX,
})
const run = process.env.RUN
const [, , phase] = process.argv

const item = { name: 'Sencha 50g', amount: 900, currency: 'JPY', quantity: 2 }
const customerInfo = { emailAddress: 'taro@example.com', firstName: 'Taro', lastName: 'Yamada' }
const shippingInfo = {
  address: { line1: '2-2-2 Minato', locality: 'Minato-ku', postalCode: '105-0001', country: 'JP' },
  addressType: Smartpay.ADDRESS_TYPE_OFFICE,
}
const urls = { successUrl: 'https://shop.example/thanks', cancelUrl: 'https://shop.example/cart' }

if (phase === 'setup') {
  const sessions = []
  for (const n of [1, 2]) {
    const session = await smartpay.createCheckoutSession({
      items: [item],
      shippingInfo,
      customerInfo,
      captureMethod: Smartpay.CAPTURE_METHOD_MANUAL,
      reference: `${run}-${n}`,
      ...urls,
    })
    sessions.push(session.id)
  }
  const tokenSession = await smartpay.createCheckoutSession({
    mode: Smartpay.MODE_TOKEN,
    customerInfo,
    reference: `${run}-token`,
    ...urls,
  })
  const again = await smartpay.getCheckoutSession({ id: tokenSession.id })
  const listed = await smartpay.listCheckoutSessions({ maxResults: 100 })
  console.log(
    JSON.stringify({
      sessions,
      tokenSession: tokenSession.id,
      same: again.id === tokenSession.id,
      listed: listed.data.some((s) => s.id === tokenSession.id),
    }),
  )
} else {
  const report = {}

  // The campaign.
  const coupon = await smartpay.createCoupon({
    name: 'Spring',
    discountType: Smartpay.COUPON_DISCOUNT_TYPE_AMOUNT,
    discountAmount: 300,
    currency: 'JPY',
    idempotencyKey: `coupon-${run}`,
  })
  const code = await smartpay.createPromotionCode({ coupon: coupon.id, code: `SPRING${run}` })
  await smartpay.updateCoupon({ id: coupon.id, name: 'Spring sale' })
  await smartpay.updatePromotionCode({ id: code.id, metadata: { campaign: 'spring' } })
  const renamed = await smartpay.getCoupon({ id: coupon.id })
  const tagged = await smartpay.getPromotionCode({ id: code.id })
  const coupons = await smartpay.listCoupons({ maxResults: 100 })
  const codes = await smartpay.listPromotionCodes({ maxResults: 100 })
  report.campaign = {
    name: renamed.name,
    campaign: tagged.metadata.campaign,
    listed:
      coupons.data.some((c) => c.id === coupon.id) && codes.data.some((c) => c.id === code.id),
  }

  // Capture what waits for it, page by page.
  const captured = []
  let pageToken
  do {
    const page = await smartpay.listOrders({ maxResults: 2, pageToken })
    for (const order of page.data) {
      if (!order.reference?.startsWith(`${run}-`) || !isValidOrderId(order.id)) continue
      if (order.status !== 'requires_capture') continue
      const payment = await smartpay.capture({
        order: order.id,
        amount: order.amount,
        currency: order.currency,
        cancelRemainder: Smartpay.CANCEL_REMAINDER_MANUAL,
        idempotencyKey: `capture-${order.id}`,
      })
      captured.push(payment.id)
    }
    pageToken = page.nextPageToken
  } while (pageToken)
  report.captured = captured.length

  // Refund the first capture in part, and note why.
  const [first] = captured
  if (isValidPaymentId(first)) {
    const refund = await smartpay.createRefund({
      payment: first,
      amount: 400,
      currency: 'JPY',
      reason: Smartpay.REFUND_REQUEST_BY_CUSTOMER,
    })
    await smartpay.updateRefund({ id: refund.id, description: 'damaged box' })
    const saved = await smartpay.getRefund({ id: refund.id })
    const refunds = await smartpay.listRefunds({ maxResults: 100 })
    const payments = await smartpay.listPayments({ maxResults: 100 })
    report.refund = {
      amount: saved.amount,
      description: saved.description,
      listed:
        refunds.data.some((r) => r.id === refund.id) && payments.data.some((p) => p.id === first),
    }
  }

  // Charge the saved payment method, then pause and resume it.
  const tokens = await smartpay.listTokens({ maxResults: 100 })
  const token = tokens.data.find(
    (t) => t.status === Smartpay.TOKEN_STATUS_ACTIVE && t.reference === `${run}-token`,
  )
  if (token) {
    const order = await smartpay.createOrder({
      token: token.id,
      amount: 1800,
      currency: 'JPY',
      items: [item],
      customerInfo,
      shippingInfo,
      captureMethod: Smartpay.CAPTURE_METHOD_MANUAL,
      idempotencyKey: `token-order-${run}`,
    })
    await smartpay.cancelOrder({ id: order.id })
    const canceled = await smartpay.getOrder({ id: order.id })
    await smartpay.disableToken({ id: token.id })
    const disabled = (await smartpay.getToken({ id: token.id })).status
    await smartpay.enableToken({ id: token.id })
    const enabled = (await smartpay.getToken({ id: token.id })).status
    await smartpay.deleteToken({ id: token.id })
    report.token = {
      order: canceled.status === Smartpay.ORDER_STATUS_CANCELED,
      disabled,
      enabled,
    }
  }

  // Webhook endpoints: register the night's, rename, drop it.
  const endpoint = await smartpay.createWebhookEndpoint({
    url: `https://shop.example/hooks/${run}`,
    eventSubscriptions: ['payment.created'],
  })
  await smartpay.updateWebhookEndpoint({ id: endpoint.id, description: 'nightly' })
  const described = await smartpay.getWebhookEndpoint({ id: endpoint.id })
  const endpoints = await smartpay.listWebhookEndpoints({ maxResults: 100 })
  await smartpay.deleteWebhookEndpoint({ id: endpoint.id })
  report.webhooks = {
    description: described.description,
    listed: endpoints.data.some((e) => e.id === endpoint.id),
    secret: typeof endpoint.signingSecret,
  }

  // A raw call, as the job made before the SDK had a method for it.
  const raw = await smartpay.request('/coupons', { method: 'GET', params: { maxResults: 1 } })
  report.raw = Array.isArray(raw.data)
  console.log(JSON.stringify(report))
}
