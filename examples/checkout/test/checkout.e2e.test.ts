import { DEFAULT_KEYS, type Delivery, startSandbox } from '@smartpay-kit/sandbox'
import { signWebhook } from '@smartpay-kit/server-client/webhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../browser.mjs'
import { DEMO_CART } from '../catalog.mjs'
import { type DemoResult, runDemo, type Stack, startStack } from '../demo.mjs'
import { sessionFromCart } from '../server/cart.mjs'
import { loseFirstAnswer } from './lossyProxy.js'

describe('the checkout demo', () => {
  let stack: Stack
  let proxy: Awaited<ReturnType<typeof loseFirstAnswer>> | undefined
  let result: DemoResult
  const lines: string[] = []

  beforeAll(async () => {
    // Webhooks reach the shop through a proxy that loses the shop's first answer, so the
    // sandbox delivers order.authorized twice.
    stack = await startStack({
      webhookUrl: async (shopWebhookUrl) => {
        proxy = await loseFirstAnswer(shopWebhookUrl)
        return proxy.url
      },
    })
    result = await runDemo({ stack, log: (line) => lines.push(line) })
  })

  afterAll(async () => {
    await stack?.stop()
    await proxy?.close()
  })

  const paymentsOfOrder = () =>
    stack.sandbox.objects('payment').filter((payment) => payment.order === result.orderId)

  const authorizedDelivery = (): Delivery => {
    const deliveries = stack.sandbox.deliveries().filter((d) => d.event === 'order.authorized')
    expect(deliveries).toHaveLength(1)
    return deliveries[0] as Delivery
  }

  /** Posts a webhook body to the shop, as Smartpay would, with the given headers. */
  const postToShop = (body: string, headers: Record<string, string>) =>
    fetch(stack.merchant.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })

  it('takes the order from the cart to a refund and says so step by step', () => {
    expect(lines.slice(2)).toEqual([
      expect.stringMatching(/^✓ cart → checkout session checkout_test_\w+ \(¥3,300\)$/),
      '✓ shopper authorized on the hosted checkout',
      expect.stringMatching(/^✓ success page shows: (requires_capture|succeeded)$/),
      expect.stringMatching(
        /^✓ webhook order\.authorized verified → captured payment_test_\w+ \(order: succeeded\)$/,
      ),
      expect.stringMatching(/^✓ refunded refund_test_\w+ \(payment: refunded\)$/),
    ])
    const [order] = stack.sandbox.objects('order')
    expect(stack.sandbox.objects('order')).toHaveLength(1)
    expect(order).toMatchObject({
      id: result.orderId,
      status: 'succeeded',
      amount: 3300,
      currency: 'JPY',
      captureMethod: 'manual',
    })
    expect(stack.sandbox.objects('refund')).toEqual([
      expect.objectContaining({
        id: result.refundId,
        payment: result.paymentId,
        amount: 3300,
        reason: 'requested_by_customer',
      }),
    ])
    expect(result).toMatchObject({ orderStatus: 'succeeded', paymentStatus: 'refunded' })
  })

  it('shows the order status, read with the public key, on the success page', () => {
    expect(['requires_capture', 'succeeded']).toContain(result.successStatus)
    expect(result.successMessage).toMatch(/^Your purchase is approved/)
  })

  it('captures once although the sandbox delivered order.authorized twice', () => {
    const delivery = authorizedDelivery()
    expect(delivery.state).toBe('delivered')
    expect(delivery.attempts).toEqual([
      expect.objectContaining({ error: expect.any(String) }),
      expect.objectContaining({ status: 200 }),
    ])
    // The second attempt was answered 200 by the handler, without running the shop's code.
    expect(stack.merchant.webhookRecords).toEqual([
      expect.objectContaining({ eventId: delivery.eventId, outcome: 'captured' }),
    ])
    expect(paymentsOfOrder()).toEqual([expect.objectContaining({ id: result.paymentId })])
  })

  it('acknowledges a new delivery of a handled event, refuses its replay, never captures again', async () => {
    const { body, eventId } = authorizedDelivery()
    const before = stack.merchant.webhookRecords.length
    const { headers } = await signWebhook({
      body,
      signingSecret: stack.endpoint.signingSecret ?? '',
      subscriptionId: stack.endpoint.id,
      eventId,
    })
    // The same signed bytes twice, at once: one is a replay, whichever comes second.
    const answers = await Promise.all([postToShop(body, headers), postToShop(body, headers)])
    const replies = await Promise.all(answers.map(async (a) => [a.status, await a.json()]))
    expect(replies.sort()).toEqual([
      [200, { received: true, duplicate: true }],
      [400, expect.objectContaining({ error: 'replayed' })],
    ])
    expect(stack.merchant.webhookRecords).toHaveLength(before)
    expect(paymentsOfOrder()).toHaveLength(1)
  })

  it('captures once when the same event arrives twice at the same time', async () => {
    // Pause deliveries, so that the test sends the event itself, twice, concurrently.
    const { smartpay, sandbox, endpoint } = stack
    await smartpay.webhookEndpoints.update(endpoint.id, { active: false })
    try {
      const session = await smartpay.checkoutSessions.create(
        sessionFromCart({ items: DEMO_CART }, stack.merchant.url),
      )
      sandbox.authorize(session.id)
      const event = sandbox.events().at(-1)
      expect(event?.event).toBe('order.authorized')
      const body = JSON.stringify(event)
      const before = stack.merchant.webhookRecords.length
      // Two deliveries of one event, each signed at its own time, as Smartpay signs attempts.
      const now = Date.now()
      const [first, second] = await Promise.all(
        [now, now + 1].map((timestamp) =>
          signWebhook({
            body,
            timestamp,
            signingSecret: endpoint.signingSecret ?? '',
            subscriptionId: endpoint.id,
          }),
        ),
      )
      const answers = await Promise.all([
        postToShop(body, first?.headers ?? {}),
        postToShop(body, second?.headers ?? {}),
      ])
      // The one that comes second hears 409 while the first runs (Smartpay would deliver it
      // again), or 200 `duplicate` once it has run: either way it runs nothing.
      const statuses = answers.map((answer) => answer.status).sort()
      expect([
        [200, 200],
        [200, 409],
      ]).toContainEqual(statuses)
      expect(stack.merchant.webhookRecords.slice(before).map((r) => r.outcome)).toEqual([
        'captured',
      ])
      const orderId = event?.eventData.data.id
      expect(sandbox.objects('payment').filter((p) => p.order === orderId)).toHaveLength(1)
    } finally {
      await smartpay.webhookEndpoints.update(endpoint.id, { active: true })
    }
  })

  it('acknowledges an authentic event of a type newer than the SDK, and does nothing', async () => {
    const { body: authorized } = authorizedDelivery()
    // A new event: its own type and its own id (the handler answers an id it handled as a
    // duplicate, without running anything).
    const event = JSON.parse(authorized.replaceAll('order.authorized', 'order.expired'))
    const body = JSON.stringify({ ...event, id: `${event.id}x` })
    const eventId = JSON.parse(body).id
    const { headers } = await signWebhook({
      body,
      signingSecret: stack.endpoint.signingSecret ?? '',
      subscriptionId: stack.endpoint.id,
      eventId,
    })
    const payments = paymentsOfOrder().length
    expect((await postToShop(body, headers)).status).toBe(200)
    expect(stack.merchant.webhookRecords.at(-1)).toEqual({
      eventId,
      type: 'order.expired',
      outcome: 'ignored',
    })
    expect(paymentsOfOrder()).toHaveLength(payments)
  })

  it('refuses a delivery whose signature does not match with 400', async () => {
    const { body, eventId } = authorizedDelivery()
    const before = stack.merchant.webhookRecords.length
    const genuine = await signWebhook({
      body,
      signingSecret: stack.endpoint.signingSecret ?? '',
      subscriptionId: stack.endpoint.id,
      eventId,
    })
    const forged = { ...genuine.headers, 'Smartpay-Signature': '0'.repeat(64) }
    const tampered = body.replace('"amount":3300', '"amount":1')
    expect(tampered).not.toBe(body)

    expect((await postToShop(body, forged)).status).toBe(400)
    expect((await postToShop(tampered, genuine.headers)).status).toBe(400)
    expect((await postToShop(body, {})).status).toBe(400)
    expect(stack.merchant.webhookRecords).toHaveLength(before)
  })

  it('prices the cart on the server, whatever the browser sends', async () => {
    const checkout = (items: unknown) =>
      fetch(`${stack.merchant.url}/api/checkout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items }),
      })
    const answer = await checkout([{ id: 'chasen', quantity: 1, amount: 1 }])
    expect(answer.status).toBe(200)
    const { url } = (await answer.json()) as { url: string }
    expect(url.startsWith(`${stack.sandbox.url}/checkout/checkout_test_`)).toBe(true)
    expect(stack.sandbox.objects('order').at(-1)).toMatchObject({ amount: 900 })

    expect((await checkout([{ id: 'gold-bar', quantity: 1 }])).status).toBe(400)
    expect((await checkout([{ id: 'chasen', quantity: 0 }])).status).toBe(400)
    expect((await checkout([])).status).toBe(400)
  })

  it('gives the page the public key, never the secret key', async () => {
    const config = await (await fetch(`${stack.merchant.url}/config.json`)).json()
    expect(config).toEqual({ publicKey: DEFAULT_KEYS.public, apiUrl: stack.sandbox.apiUrl })
    for (const path of ['/', '/success.html']) {
      const html = await (await fetch(`${stack.merchant.url}${path}`)).text()
      expect(html).not.toMatch(/sk_(test|live)_/)
    }
  })
})

describe('launchChromium', () => {
  it("trusts the sandbox's certificate and no other", async () => {
    const [trusted, other] = await Promise.all([startSandbox(), startSandbox()])
    const browser = await launchChromium({ ca: trusted.ca })
    try {
      const page = await browser.newPage()
      await page.setExtraHTTPHeaders({ authorization: `Bearer ${trusted.controlToken}` })
      const answer = await page.goto(`${trusted.url}/__sandbox/deliveries`)
      expect(answer?.status()).toBe(200)
      await expect(page.goto(`${other.url}/__sandbox/deliveries`)).rejects.toThrow(
        /ERR_CERT_AUTHORITY_INVALID/,
      )
    } finally {
      await browser.close()
      await Promise.all([trusted.stop(), other.stop()])
    }
  })
})
