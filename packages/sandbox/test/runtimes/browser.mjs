// The in-process sandbox in a real browser page, as a browser test would use it: the public
// client through sandbox.fetch (the server client refuses to run in a page, by design).
import { createPublicClient, parsePublicKey } from '../../../public-client/src/index.ts'
import { createSandbox, DEFAULT_KEYS } from '../../src/fetch.ts'

const SESSION = {
  amount: 1200,
  currency: 'JPY',
  items: [{ name: 'Green tea', amount: 1200, currency: 'JPY' }],
  customerInfo: {},
  shippingInfo: {
    address: {
      line1: '1-2-3 Jingumae',
      locality: 'Shibuya-ku',
      postalCode: '150-0001',
      country: 'JP',
    },
  },
  successUrl: 'https://shop.example/done',
  cancelUrl: 'https://shop.example/cart',
}

globalThis.sandboxCheck = async () => {
  const steps = []
  const delivered = []
  const sandbox = createSandbox({
    deliver: (request) => {
      delivered.push(request.headers.get('smartpay-signature'))
      return new Response('ok')
    },
  })
  // A test's set-up: the session a server would have created (raw call, the sandbox's key).
  const created = await sandbox.fetch(`${sandbox.apiUrl}/checkout-sessions`, {
    method: 'POST',
    headers: { authorization: `Basic ${DEFAULT_KEYS.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify(SESSION),
  })
  const session = await created.json()
  steps.push(['session created', created.status === 200])
  const smartpay = createPublicClient({
    publicKey: parsePublicKey(DEFAULT_KEYS.public),
    baseUrl: sandbox.apiUrl,
    fetch: sandbox.fetch,
  })
  const seen = await smartpay.checkoutSessions.retrieve(session.id)
  steps.push(['public client retrieves it', seen.id === session.id])
  const page = await sandbox.fetch(session.url)
  steps.push(['hosted page', page.status === 200 && (await page.text()).includes('authorize')])
  await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Basic ${DEFAULT_KEYS.secret}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: 'https://shop.example/webhooks' }),
  })
  sandbox.authorize(session.id)
  await sandbox.settled()
  steps.push([
    'signed webhooks',
    delivered.length === 2 && delivered.every((s) => /^[0-9a-f]{64}$/.test(s)),
  ])
  sandbox.clock.advance(25 * 60 * 60 * 1000)
  steps.push(['clock', (await sandbox.fetch(session.url)).status === 410])
  await sandbox.stop()
  return steps
}
