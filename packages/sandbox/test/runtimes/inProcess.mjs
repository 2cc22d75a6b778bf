// The in-process sandbox in a Fetch runtime (workerd, Deno, Bun): both clients call it through
// sandbox.fetch, and webhooks reach a handler in the same process. Nothing may leave it.
// Sources by path: the sandbox does not depend on the clients (the test bundles them).
import { createPublicClient, parsePublicKey } from '../../../public-client/src/index.ts'
import { createServerClient, parseSecretKey } from '../../../server-client/src/index.ts'
import { verifyWebhookRequest } from '../../../server-client/src/webhooks/index.ts'
import { createSandbox, DEFAULT_KEYS } from '../../src/fetch.ts'

const ADDRESS = {
  line1: '1-2-3 Jingumae',
  locality: 'Shibuya-ku',
  postalCode: '150-0001',
  country: 'JP',
}
const SESSION = {
  amount: 3000,
  currency: 'JPY',
  items: [{ name: 'Green tea', amount: 1500, currency: 'JPY', quantity: 2 }],
  customerInfo: { emailAddress: 'shopper@example.com' },
  shippingInfo: { address: ADDRESS },
  captureMethod: 'manual',
  successUrl: 'https://shop.example/done',
  cancelUrl: 'https://shop.example/cart',
}

async function run() {
  const results = []
  const check = async (name, fn) => {
    try {
      await fn()
      results.push({ name, ok: true })
    } catch (error) {
      results.push({ name, ok: false, detail: String(error?.stack ?? error) })
    }
  }
  const assert = (ok, message) => {
    if (!ok) throw new Error(message)
  }
  const delivered = []
  const sandbox = createSandbox({
    webhookRetry: { baseMs: 5, maxAttempts: 3, timeoutMs: 2000 },
    deliver: async (request) => {
      delivered.push(request)
      return new Response('ok')
    },
  })
  const smartpay = createServerClient({
    secretKey: parseSecretKey(DEFAULT_KEYS.secret),
    baseUrl: sandbox.apiUrl,
    fetch: sandbox.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  })
  let session
  let endpoint
  await check('server client creates a session', async () => {
    endpoint = await smartpay.webhookEndpoints.create({ url: 'https://shop.example/webhooks' })
    session = await smartpay.checkoutSessions.create(SESSION)
    assert(/^checkout_test_/.test(session.id), `session id ${session.id}`)
  })
  await check('public client retrieves it', async () => {
    const browser = createPublicClient({
      publicKey: parsePublicKey(DEFAULT_KEYS.public),
      baseUrl: sandbox.apiUrl,
      fetch: sandbox.fetch,
    })
    const seen = await browser.checkoutSessions.retrieve(session.id)
    assert(seen.id === session.id, 'another session')
  })
  await check('capture after authorization, with a retried 503', async () => {
    const { order } = sandbox.authorize(session.id)
    sandbox.inject({ kind: 'status', status: 503, after: true, method: 'POST', path: '/payments' })
    await smartpay.payments.create({ order: order.id, amount: 3000, currency: 'JPY' })
    assert(sandbox.objects('payment').length === 1, 'not exactly one payment')
    assert((await smartpay.orders.retrieve(order.id)).status === 'succeeded', 'order not succeeded')
  })
  await check('the clock expires a session', async () => {
    const later = await smartpay.checkoutSessions.create(SESSION)
    sandbox.clock.advance(25 * 60 * 60 * 1000)
    const page = await sandbox.fetch(later.url)
    assert(page.status === 410, `page status ${page.status}`)
  })
  await check('webhooks reach the handler, signed', async () => {
    sandbox.trigger('refund.created')
    await sandbox.settled()
    const types = []
    for (const request of delivered) {
      const event = await verifyWebhookRequest(request, { signingSecret: endpoint.signingSecret })
      types.push(event.eventData.type)
    }
    // Deliveries run concurrently, so their order of arrival is not fixed.
    const expected = ['order.authorized', 'order.authorized', 'payment.created', 'payment.created']
    expected.push('refund.created')
    assert(JSON.stringify(types.sort()) === JSON.stringify(expected), `types ${types}`)
  })
  await sandbox.stop()
  return results
}

export default {
  async fetch() {
    return Response.json(await run())
  },
}
