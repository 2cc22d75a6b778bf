import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createSandbox, DEFAULT_KEYS } from '../src/fetch.js'
import { orderSessionBody } from './helpers.js'

// The official Node SDK's own flow, run against the sandbox as it would run against the API
// (issue 11): a checkout session with `promotionCode` in its body, a webhook endpoint on a real
// HTTPS URL, a coupon and its promotion code, a capture, a refund, and the API's errors. The SDK
// fetches through the global fetch it finds when it loads (isomorphic-unfetch), so the
// in-process sandbox stands in for the network: nothing leaves this process.

const sandbox = createSandbox()
/** What the SDK put on the wire, as the sandbox's fetch received it. */
const sent: { method: string; url: string; body: unknown }[] = []
// biome-ignore lint/suspicious/noExplicitAny: the SDK ships no usable types (its default export is typed as its base class)
let smartpay: any

beforeAll(async () => {
  vi.stubGlobal('fetch', (input: RequestInfo | URL, init?: RequestInit) => {
    const body = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined
    sent.push({ method: init?.method ?? 'GET', url: String(input), body })
    return sandbox.fetch(input, init)
  })
  const { default: Smartpay } = await import('@smartpay/sdk-node')
  smartpay = new Smartpay(DEFAULT_KEYS.secret, { apiPrefix: sandbox.apiUrl })
})

afterAll(() => {
  vi.unstubAllGlobals()
})

// The SDK computes the amount and currency from the items itself, as our server client does.
const {
  amount: _amount,
  currency: _currency,
  ...session
} = orderSessionBody({
  captureMethod: 'manual',
})

describe('the official @smartpay/sdk-node 0.9.1 against the sandbox', () => {
  it('creates a coupon and a promotion code, and a session that carries the code in its body', async () => {
    const coupon = await smartpay.createCoupon({
      name: 'Spring',
      discountType: 'amount',
      discountAmount: 500,
      currency: 'JPY',
    })
    expect(coupon.id).toMatch(/^coupon_test_/)
    const code = await smartpay.createPromotionCode({ coupon: coupon.id, code: 'SPRING' })
    expect(code.id).toMatch(/^promotioncode_test_/)

    const created = await smartpay.createCheckoutSession({ ...session, promotionCode: 'SPRING' })
    expect(created.id).toMatch(/^checkout_test_/)
    expect(created.url).toMatch(/^https:\/\//)
    const request = sent.find(
      (r) => r.method === 'POST' && new URL(r.url).pathname === '/v1/checkout-sessions',
    )
    expect(request?.body).toMatchObject({ promotionCode: 'SPRING', amount: 3000, currency: 'JPY' })
  })

  it('registers a webhook endpoint on a real HTTPS URL and gets its signing secret', async () => {
    const endpoint = await smartpay.createWebhookEndpoint({
      url: 'https://shop.example.com/webhooks/smartpay',
      eventSubscriptions: ['order.authorized'],
    })
    expect(endpoint.id).toMatch(/^webhookendpoint_test_/)
    expect(endpoint.url).toBe('https://shop.example.com/webhooks/smartpay')
    expect(typeof endpoint.signingSecret).toBe('string')
    const listed = await smartpay.listWebhookEndpoints()
    expect(listed.data.map((e: { id: string }) => e.id)).toContain(endpoint.id)
  })

  it('captures an authorized order and refunds the payment', async () => {
    const created = await smartpay.createCheckoutSession(session)
    const { order } = sandbox.authorize(created.id)
    expect(order?.id).toMatch(/^order_test_/)
    const payment = await smartpay.capture({ order: order?.id, amount: 3000, currency: 'JPY' })
    expect(payment.id).toMatch(/^payment_test_/)
    const refund = await smartpay.refund({
      payment: payment.id,
      amount: 1000,
      currency: 'JPY',
      reason: 'requested_by_customer',
    })
    expect(refund.id).toMatch(/^refund_test_/)
    expect((await smartpay.getOrder({ id: order?.id })).status).toBe('succeeded')
  })

  it('gets the API errors the SDK expects: 404 for an unknown order', async () => {
    const error = await smartpay.getOrder({ id: 'order_test_0000000000000000000000' }).then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ statusCode: 404 })
  })
})
