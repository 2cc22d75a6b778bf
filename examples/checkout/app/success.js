// The page Smartpay sends the shopper back to, with `session-id` in the query. It reads the
// session with the public key (the only thing a browser may read) to show how the order stands.
import { createPublicClient, parsePublicKey } from '@smartpay-kit/public-client'
import { yen } from '../catalog.mjs'

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))

/** What the shopper is told for each order status. */
const MESSAGES = /** @type {Record<string, string>} */ ({
  requires_capture: 'Your purchase is approved. You will be charged when it ships.',
  succeeded: 'Your purchase is approved and paid for. It is on its way.',
  requires_authorization: 'Your purchase is not approved yet.',
  canceled: 'This order was canceled.',
  rejected: 'Smartpay could not approve this purchase.',
})

async function showOrder() {
  const sessionId = new URLSearchParams(location.search).get('session-id') ?? ''
  // The public key and the API's URL come from the shop at run time.
  const config = await (await fetch('/config.json')).json()
  const smartpay = createPublicClient({
    publicKey: parsePublicKey(config.publicKey),
    baseUrl: config.apiUrl,
  })
  // expand=all: the order object with its status, not just its id.
  const session = await smartpay.checkoutSessions.retrieve(sessionId, { expand: 'all' })
  const order = typeof session.order === 'object' ? session.order : undefined
  const status = order?.status ?? 'unknown'
  $('order').textContent = order?.id ?? String(session.order ?? '—')
  $('amount').textContent = typeof order?.amount === 'number' ? yen(order.amount) : '—'
  $('status').textContent = status
  $('message').textContent = MESSAGES[status] ?? 'We could not read the status of your order.'
}

showOrder()
  .catch((error) => {
    $('error').textContent = `Could not read the order: ${error.message}`
    $('error').hidden = false
    $('message').textContent = ''
  })
  // Tells a test (and a screen reader's user) that the page is done loading.
  .finally(() => document.body.setAttribute('aria-busy', 'false'))
