// One integration pass over the server client against a running sandbox, written in plain
// JavaScript so every runtime can load it as is. It reports instead of throwing, so the
// parent test can say which check failed in which runtime.

/**
 * @param {object} io
 * @param {typeof import('@smartpay-kit/server-client')} io.sdk
 * @param {typeof import('@smartpay-kit/server-client/webhooks')} io.webhooks
 * @param {string} io.apiUrl the sandbox's /v1 URL
 * @param {string} io.secretKey
 * @param {string} io.controlToken the sandbox's control token, for its shopper helper
 * @param {typeof fetch} [io.fetch] a fetch that trusts the sandbox CA, where the runtime needs one
 * @param {boolean} [io.envKey] whether SMARTPAY_SECRET_KEY is set in this runtime's environment
 * @returns {Promise<{ name: string, ok: boolean, detail?: string }[]>}
 */
export async function smoke({
  sdk,
  webhooks,
  apiUrl,
  secretKey,
  controlToken,
  fetch: fetchImpl,
  envKey = false,
}) {
  const results = []
  const check = async (name, fn) => {
    try {
      const detail = await fn()
      results.push({ name, ok: true, ...(detail ? { detail: String(detail) } : {}) })
    } catch (error) {
      results.push({ name, ok: false, detail: `${error?.name}: ${error?.message}` })
    }
  }
  const assert = (cond, message) => {
    if (!cond) throw new Error(message)
  }
  const options = {
    secretKey,
    baseUrl: apiUrl,
    retry: { baseDelayMs: 5 },
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  }
  const smartpay = sdk.createServerClient(options)
  const origin = new URL(apiUrl).origin
  const plainFetch = fetchImpl ?? fetch

  let session
  let order
  let payment
  await check('client mode comes from the key', () =>
    assert(smartpay.mode === 'test', smartpay.mode),
  )
  if (envKey) {
    await check('with no key given, SMARTPAY_SECRET_KEY is used', async () => {
      const { secretKey: _, ...rest } = options
      const fromEnv = sdk.createServerClient(rest)
      const page = await fromEnv.orders.list({ maxResults: 1 })
      assert(Array.isArray(page.data), 'no page')
    })
  }
  await check('checkoutSessions.create computes the amount and returns a hosted URL', async () => {
    session = await smartpay.checkoutSessions.create({
      items: [
        { name: 'Tea', amount: 1200, currency: 'JPY', quantity: 2 },
        { name: 'Spring sale', amount: 200, currency: 'JPY', kind: 'discount' },
      ],
      customerInfo: { emailAddress: 'shopper@example.test', firstName: 'Hana', lastName: 'Sato' },
      shippingInfo: {
        address: {
          line1: '1-2-3 Shibuya',
          locality: 'Shibuya-ku',
          postalCode: '150-0002',
          country: 'JP',
        },
        feeAmount: 500,
      },
      captureMethod: 'manual',
      successUrl: 'https://merchant.example.test/success',
      cancelUrl: 'https://merchant.example.test/cancel',
    })
    const orderId = typeof session.order === 'string' ? session.order : session.order?.id
    assert(session.id.startsWith('checkout_test_') && orderId, 'no session or order id')
    assert(new URL(session.url).protocol === 'https:', 'no https url')
    order = typeof session.order === 'object' ? session.order : { id: orderId }
    return session.id
  })
  await check('the shopper authorizes (sandbox hosted checkout)', async () => {
    const res = await plainFetch(`${origin}/__sandbox/checkout/${session.id}/authorize`, {
      method: 'POST',
      headers: { authorization: `Bearer ${controlToken}` },
    })
    assert(res.ok, `authorize answered ${res.status}`)
    order = await smartpay.orders.retrieve(order.id)
    assert(order.status === 'requires_capture', order.status)
    assert(order.amount === 2700, `amount ${order.amount}`)
    return order.status
  })
  await check('payments.create captures with an idempotency key on the result', async () => {
    const { data, meta } = await smartpay.payments
      .create({ order: order.id, amount: order.amount, currency: 'JPY' })
      .withMeta()
    payment = data
    assert(payment.id.startsWith('payment_test_'), payment.id)
    assert(
      typeof meta.idempotencyKey === 'string' && meta.idempotencyKey.length >= 16,
      'no idempotency key',
    )
    return payment.id
  })
  await check('refunds.create refunds part of the payment', async () => {
    const refund = await smartpay.refunds.create({
      payment: payment.id,
      amount: 700,
      currency: 'JPY',
      reason: 'requested_by_customer',
    })
    assert(refund.amount === 700, `refund ${refund.amount}`)
    return refund.id
  })
  await check('orders.list pages with for await', async () => {
    let count = 0
    for await (const item of smartpay.orders.list({ maxResults: 1 })) {
      assert(item.id.startsWith('order_test_'), item.id)
      count++
    }
    assert(count >= 1, 'no orders')
    return `${count} order(s)`
  })
  await check('a missing order is a NotFoundError with the API code', async () => {
    try {
      await smartpay.orders.retrieve('order_test_doesNotExist000000')
      throw new Error('no error')
    } catch (error) {
      assert(error instanceof sdk.NotFoundError, `got ${error?.name}`)
      assert(error.code === 'order.not-found', `code ${error.code}`)
      assert(!JSON.stringify(error).includes(secretKey), 'key in error')
    }
  })
  await check('bad params fail before any request', async () => {
    try {
      await smartpay.payments.create({ order: order.id, amount: -1, currency: 'JPY' })
      throw new Error('no error')
    } catch (error) {
      assert(error instanceof sdk.ValidationError, `got ${error?.name}`)
      assert(error.field === 'amount', `field ${error.field}`)
    }
  })
  await check('a pk_ key is refused', async () => {
    try {
      sdk.createServerClient({ ...options, secretKey: 'pk_test_abcdefghijklmnop' })
      throw new Error('no error')
    } catch (error) {
      assert(error instanceof sdk.InvalidKeyError, `got ${error?.name}`)
    }
  })
  await check('webhooks: a signed payload verifies and a tampered one does not', async () => {
    const signingSecret = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'
    const body = JSON.stringify({
      id: 'evt_test_runtime0000000000001',
      object: 'event',
      createdAt: Date.now(),
      test: true,
      event: 'payment.created',
      eventData: { type: 'payment.created', version: '2022-02-18', data: payment },
    })
    const { headers } = await webhooks.signWebhook({ body, signingSecret })
    const event = await webhooks.verifyWebhook({ body, headers, signingSecret })
    assert(event.eventData.data.id === payment.id, 'wrong event')
    try {
      await webhooks.verifyWebhook({ body: body.replace('true', 'false'), headers, signingSecret })
      throw new Error('tampered body verified')
    } catch (error) {
      assert(
        webhooks.isWebhookVerificationError(error) && error.reason === 'bad-signature',
        `${error?.message}`,
      )
    }
  })
  return results
}
