// The whole payment lifecycle on the local sandbox, as a script: a shopper in real Chromium
// goes from the cart to Smartpay's hosted checkout and back, the shop captures on the
// order.authorized webhook, then refunds. Every step is checked against the sandbox's store
// and the API, not just "no error was thrown".
import { DEFAULT_KEYS, startSandbox } from '@smartpay-kit/sandbox'
import { createServerClient } from '@smartpay-kit/server-client'
import { buildPage } from './app/build.mjs'
import { launchChromium } from './browser.mjs'
import { cartTotal, DEMO_CART, yen } from './catalog.mjs'
import { fetchTrusting } from './sandbox-trust.mjs'
import { startMerchant } from './server.mjs'

/** @typedef {Awaited<ReturnType<typeof startStack>>} Stack */

/**
 * Starts everything but the shopper: the sandbox, the checkout page (built with Vite), the shop's
 * server, and the shop's webhook endpoint, registered through the API.
 * @param {{
 *   log?: (line: string) => void,
 *   webhookUrl?: (shopWebhookUrl: string) => string | Promise<string>,
 * }} [options] `log`: the shop's own log; `webhookUrl`: register another URL for webhooks
 *   (the test puts a proxy in between)
 */
export async function startStack({ log, webhookUrl } = {}) {
  const [sandbox, page] = await Promise.all([
    startSandbox({
      keys: [DEFAULT_KEYS.secret, DEFAULT_KEYS.public],
      // Quick retries, so a delivery that was not acknowledged comes again within the demo.
      webhookRetry: { baseMs: 100, maxAttempts: 5 },
    }),
    buildPage(),
  ])
  /** @type {(() => Promise<unknown>)[]} */
  const stops = [() => sandbox.stop()]
  const stop = async () => {
    for (let next = stops.pop(); next; next = stops.pop()) await next()
  }
  try {
    const smartpay = createServerClient({
      secretKey: DEFAULT_KEYS.secret,
      baseUrl: sandbox.apiUrl,
      fetch: fetchTrusting(sandbox.ca),
    })
    /** @type {Map<string, string>} */
    const signingSecrets = new Map()
    const merchant = await startMerchant({
      smartpay,
      browserConfig: { publicKey: DEFAULT_KEYS.public, apiUrl: sandbox.apiUrl },
      page,
      signingSecrets,
      ...(log ? { log } : {}),
    })
    stops.push(() => merchant.close())
    // The port is only known now, so the endpoint is registered at start. A real shop does this
    // once, and keeps the signing secret in its configuration.
    const endpoint = await smartpay.webhookEndpoints.create({
      url: webhookUrl ? await webhookUrl(merchant.webhookUrl) : merchant.webhookUrl,
      eventSubscriptions: ['order.authorized'],
    })
    signingSecrets.set(endpoint.id, endpoint.signingSecret ?? '')
    return { sandbox, smartpay, merchant, endpoint, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/**
 * What a run saw.
 * @typedef {{
 *   sessionId: string,
 *   orderId: string,
 *   paymentId: string,
 *   refundId: string,
 *   successStatus: string,
 *   successMessage: string,
 *   orderStatus: string,
 *   paymentStatus: string,
 * }} DemoResult
 */

/**
 * Walks one shopper through the whole lifecycle and checks each step; throws at the first
 * check that fails.
 * @param {{ headless?: boolean, log?: (line: string) => void, stack?: Stack }} [options]
 *   `stack`: reuse a running stack (left running); by default one is started and stopped
 * @returns {Promise<DemoResult>}
 */
export async function runDemo({ headless = true, log = console.log, stack } = {}) {
  const running = stack ?? (await startStack())
  try {
    return await walkThrough(running, { headless, log })
  } finally {
    if (!stack) await running.stop()
  }
}

/**
 * @param {Stack} stack
 * @param {{ headless: boolean, log: (line: string) => void }} options
 * @returns {Promise<DemoResult>}
 */
async function walkThrough({ sandbox, smartpay, merchant, endpoint }, { headless, log }) {
  log(`✓ sandbox at ${sandbox.url}, shop at ${merchant.url} (page built with Vite)`)
  log(`✓ webhook endpoint ${endpoint.id} registered for order.authorized`)

  const browser = await launchChromium({ ca: sandbox.ca, headless })
  let session, order, successStatus, successMessage
  try {
    const page = await browser.newPage()
    page.setDefaultTimeout(15_000)

    // 1. The cart page posts the cart to the shop, which creates a checkout session.
    await page.goto(merchant.url)
    await page.click('#checkout')
    await page.waitForURL((url) => url.origin === sandbox.url)
    session = only(sandbox.objects('checkoutSession'), 'checkout session')
    order = findOrder(sandbox, session.order)
    check(
      order.amount === cartTotal(DEMO_CART),
      `order amount ${order.amount}, expected ${cartTotal(DEMO_CART)}`,
    )
    check(order.captureMethod === 'manual', `capture method ${order.captureMethod}`)
    log(`✓ cart → checkout session ${session.id} (${yen(order.amount)})`)

    // 2. On the hosted checkout, the shopper authorizes and is sent back to the shop.
    await page.click('#authorize')
    await page.waitForURL(`${merchant.url}/success.html?**`)
    const back = new URL(page.url()).searchParams
    check(
      back.get('session-id') === session.id,
      `success URL has session-id ${back.get('session-id')}`,
    )
    const authorized = findOrder(sandbox, order.id).status
    check(authorized !== 'requires_authorization', `order is still ${authorized}`)
    log('✓ shopper authorized on the hosted checkout')

    // 3. The success page reads the session with the public key and shows the order status.
    // The order.authorized webhook races the shopper's redirect, so the capture may be done.
    await page.locator('body[aria-busy="false"]').waitFor()
    const error = (await page.locator('#error').textContent()) || 'no error shown'
    successStatus = (await page.locator('#status').textContent()) ?? ''
    check(
      ['requires_capture', 'succeeded'].includes(successStatus),
      `success page shows status "${successStatus}" (${error})`,
    )
    successMessage = (await page.locator('#message').textContent()) ?? ''
    const shownOrder = await page.locator('#order').textContent()
    check(shownOrder === order.id, `success page shows order ${shownOrder}, not ${order.id}`)
    log(`✓ success page shows: ${successStatus}`)
  } finally {
    await browser.close()
  }

  // 4. The shop verified the webhook and captured the order, exactly once.
  await sandbox.settled()
  const webhookLog = merchant.webhookRecords.map((r) => `${r.type} ${r.outcome}`).join(', ')
  const payment = only(
    sandbox.objects('payment').filter((p) => p.order === order.id),
    `payment for ${order.id} (the shop's webhook log: ${webhookLog || 'empty'})`,
  )
  const capture = only(
    merchant.webhookRecords.filter((r) => r.outcome === 'captured'),
    'capture by webhook',
  )
  check(capture.paymentId === payment.id, `webhook captured ${capture.paymentId}`)
  const captured = await smartpay.orders.retrieve(order.id)
  check(captured.status === 'succeeded', `order is ${captured.status} after the capture`)
  log(`✓ webhook order.authorized verified → captured ${payment.id} (order: ${captured.status})`)

  // 5. The shop refunds the whole payment.
  const refund = await smartpay.refunds.create({
    payment: payment.id,
    amount: payment.amount,
    currency: 'JPY',
    reason: 'requested_by_customer',
  })
  const refunded = await smartpay.payments.retrieve(payment.id)
  check(refunded.status === 'refunded', `payment is ${refunded.status} after the refund`)
  only(
    sandbox.objects('refund').filter((r) => r.payment === payment.id),
    `refund of ${payment.id}`,
  )
  log(`✓ refunded ${refund.id} (payment: ${refunded.status})`)

  return {
    sessionId: session.id,
    orderId: order.id,
    paymentId: payment.id,
    refundId: refund.id,
    successStatus,
    successMessage,
    orderStatus: captured.status,
    paymentStatus: refunded.status,
  }
}

/**
 * @param {unknown} condition
 * @param {string} problem what was found instead
 * @returns {asserts condition}
 */
function check(condition, problem) {
  if (!condition) throw new Error(`Check failed: ${problem}`)
}

/**
 * The single element of `list`.
 * @template T
 * @param {T[]} list
 * @param {string} what
 * @returns {T}
 */
function only(list, what) {
  check(list.length === 1, `expected one ${what}, found ${list.length}`)
  return /** @type {T} */ (list[0])
}

/**
 * @param {Stack['sandbox']} sandbox
 * @param {string | undefined} id
 */
function findOrder(sandbox, id) {
  return only(
    sandbox.objects('order').filter((o) => o.id === id),
    `order ${id}`,
  )
}
