import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright'
import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { DEFAULT_KEYS, type Sandbox, startSandbox } from '../../packages/sandbox/src/index.js'
import { createServerClient } from '../../packages/server-client/src/index.js'
import { signWebhook } from '../../packages/server-client/src/webhooks/index.js'
import { type FrameworkInstall, frameworksReady } from '../support/frameworkInstall.js'
import { freePort, type Served } from './processes.js'

/** What an example is given to build and serve itself. */
export interface Shop {
  install: FrameworkInstall
  /** The app's folder, a copy in the install (its node_modules are the install's). */
  dir: string
  port: number
  /** `http://127.0.0.1:PORT` */
  url: string
  sandbox: Sandbox
  /** The app's webhook endpoint, registered before the app starts. */
  endpoint: { id: string; signingSecret: string }
  /**
   * What the app reads at run time: SMARTPAY_SECRET_KEY, SMARTPAY_API_PREFIX (the sandbox),
   * SMARTPAY_WEBHOOK_SECRET (its endpoint's), ADMIN_TOKEN, PORT, HOST, and NODE_EXTRA_CA_CERTS,
   * the sandbox's CA in a file, as the guides tell a developer to set them.
   */
  env: Record<string, string>
}

/** An example app, as its test builds and serves it. */
export interface ExampleApp {
  /** Its folder under examples/. */
  name: string
  /** The path of its webhook route. */
  webhookPath: string
  /** Type-checks, builds and serves the app; resolves once it answers on `shop.url`. */
  start(shop: Shop): Promise<Served>
}

/** What the shopper saw, in Chromium. */
interface Walk {
  hostedPage: string
  successUrl: URL
  status: string
  shownOrder: string
  message: string
}

const ADMIN_TOKEN = 'admin-token-for-the-example-test'

/**
 * The whole payment through one example app, each step a test: the cart creates a checkout
 * session on the server; the shopper authorizes on the sandbox's hosted checkout in Chromium and
 * comes back to the app's success page; the app verifies the order.authorized webhook and
 * captures; the admin route refunds. The app is driven only from outside, as a user would.
 */
export function exampleFlow(app: ExampleApp): void {
  let shop: Shop
  let served: Served | undefined
  let walk: Walk
  let tmp: string | undefined

  beforeAll(async () => {
    const install = await frameworksReady(inject('frameworksRoot'))
    const sandbox = await startSandbox({
      tls: inject('sandboxTls'),
      // Quick retries, so that a delivery the app did not take comes again within the test.
      webhookRetry: { baseMs: 100, maxAttempts: 6 },
    })
    tmp = mkdtempSync(join(tmpdir(), `smartpay-example-${app.name}-`))
    const caFile = join(tmp, 'sandbox-ca.pem')
    writeFileSync(caFile, sandbox.ca)
    const port = await freePort()
    const url = `http://127.0.0.1:${port}`
    // As a developer does once: register the app's webhook URL, keep the signing secret.
    const endpoint = await harnessClient(sandbox).webhookEndpoints.create({
      url: `${url}${app.webhookPath}`,
      eventSubscriptions: ['order.authorized'],
    })
    const dir = join(install.root, 'apps', `example-${app.name}`)
    rmSync(dir, { recursive: true, force: true })
    cpSync(fileURLToPath(new URL(`../../examples/${app.name}/`, import.meta.url)), dir, {
      recursive: true,
      filter: (source) =>
        !/[/\\](node_modules|\.next|\.svelte-kit|\.wrangler|build|dist)$/.test(source),
    })
    const signingSecret = endpoint.signingSecret ?? ''
    shop = {
      install,
      dir,
      port,
      url,
      sandbox,
      endpoint: { id: endpoint.id, signingSecret },
      env: {
        SMARTPAY_SECRET_KEY: DEFAULT_KEYS.secret,
        SMARTPAY_API_PREFIX: sandbox.apiUrl,
        SMARTPAY_WEBHOOK_SECRET: signingSecret,
        ADMIN_TOKEN,
        NODE_EXTRA_CA_CERTS: caFile,
        PORT: String(port),
        HOST: '127.0.0.1',
      },
    }
    const running = await app.start(shop)
    served = running
    walk = await walkShopper(shop).catch((error: Error) => {
      throw new Error(`${error.message}\n\nThe app printed:\n${running.log()}`, { cause: error })
    })
  })

  afterAll(async () => {
    await served?.stop()
    await shop?.sandbox.stop()
    if (tmp) rmSync(tmp, { recursive: true, force: true })
  })

  const order = () => only(shop.sandbox.objects('order'), 'order')
  const paymentsOf = (orderId: string) =>
    shop.sandbox.objects('payment').filter((payment) => payment.order === orderId)
  const authorizedDelivery = () =>
    only(
      shop.sandbox.deliveries().filter((delivery) => delivery.event === 'order.authorized'),
      'order.authorized delivery',
    )

  it('creates the checkout session on the server, from its own prices', () => {
    const session = only(shop.sandbox.objects('checkoutSession'), 'checkout session')
    expect(walk.hostedPage).toBe(`${shop.sandbox.url}/checkout/${session.id}`)
    expect(order()).toMatchObject({ amount: 3300, currency: 'JPY', captureMethod: 'manual' })
    // The shopper comes back to the app's own origin.
    expect(session.successUrl).toMatch(new RegExp(`^${shop.url}/`))
  })

  it('brings the shopper back to a success page that shows the authorized order', () => {
    expect(walk.successUrl.origin).toBe(shop.url)
    expect(walk.successUrl.searchParams.get('session-id')).toBe(
      only(shop.sandbox.objects('checkoutSession'), 'checkout session').id,
    )
    expect(walk.shownOrder).toBe(order().id)
    // The webhook races the shopper's redirect: the capture may be done already.
    expect(['requires_capture', 'succeeded']).toContain(walk.status)
    expect(walk.message).toMatch(/^Your purchase is approved/)
  })

  it('verifies the order.authorized webhook and captures the order once', async () => {
    await shop.sandbox.settled()
    const delivery = authorizedDelivery()
    expect(delivery.state, served?.log()).toBe('delivered')
    expect(delivery.attempts.at(-1)).toMatchObject({ status: 200 })
    expect(paymentsOf(order().id)).toEqual([
      expect.objectContaining({ amount: 3300, status: 'processed' }),
    ])
    expect(order().status).toBe('succeeded')
  })

  it('refuses a delivery it cannot verify, and acknowledges a handled event without running it again', async () => {
    const { body, eventId } = authorizedDelivery()
    const sign = (signingSecret: string) =>
      signWebhook({ body, signingSecret, subscriptionId: shop.endpoint.id, eventId })
    const post = (text: string, headers: Record<string, string>) =>
      fetch(`${shop.url}${app.webhookPath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: text,
      })
    const tampered = body.replace('"amount":3300', '"amount":1')
    expect(tampered).not.toBe(body)
    const genuine = await sign(shop.endpoint.signingSecret)

    expect((await post(body, (await sign('wrongSigningSecret000000000000')).headers)).status).toBe(
      400,
    )
    expect((await post(tampered, genuine.headers)).status).toBe(400)
    expect((await post(body, {})).status).toBe(400)
    // A new, genuine delivery of the event it handled: its store remembers the event.
    const again = await post(body, genuine.headers)
    expect([again.status, await again.json()]).toEqual([200, { received: true, duplicate: true }])
    expect(paymentsOf(order().id)).toHaveLength(1)
  })

  it('refunds the payment from the admin route, and only with the admin token', async () => {
    const refund = (token?: string) =>
      fetch(`${shop.url}/admin/orders/${order().id}/refund`, {
        method: 'POST',
        // As an admin tool calls an API: JSON (SvelteKit refuses a bodiless cross-site POST).
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: '{}',
      })
    expect((await refund()).status).toBe(401)
    expect((await refund('not-the-admin-token')).status).toBe(401)
    expect(shop.sandbox.objects('refund')).toEqual([])

    const answer = await refund(ADMIN_TOKEN)
    expect(answer.status, served?.log()).toBe(200)
    const { refund: refundId } = (await answer.json()) as { refund: string }
    const [payment] = paymentsOf(order().id)
    expect(shop.sandbox.objects('refund')).toEqual([
      expect.objectContaining({ id: refundId, payment: payment?.id, amount: 3300 }),
    ])
    expect(payment?.status).toBe('refunded')
    // Nothing is left to refund.
    expect((await refund(ADMIN_TOKEN)).status).toBe(409)
  })
}

/** A server client of the harness's own, served in-process by the sandbox (no TLS needed). */
function harnessClient(sandbox: Sandbox) {
  return createServerClient({
    secretKey: DEFAULT_KEYS.secret,
    baseUrl: sandbox.apiUrl,
    fetch: sandbox.fetch,
  })
}

/**
 * The shopper, in the run's one Chromium (a context of their own): from the cart to the hosted
 * checkout, Authorize, and back to the app's success page.
 */
async function walkShopper({ url, sandbox }: Shop): Promise<Walk> {
  const browser = await chromium.connect(inject('chromiumEndpoint'))
  try {
    const page = await (await browser.newContext()).newPage()
    page.setDefaultTimeout(60_000)
    await page.goto(url)
    await page.click('#checkout')
    await page.waitForURL((at) => at.origin === sandbox.url)
    const hostedPage = page.url()
    const sessions = sandbox
      .objects('checkoutSession')
      .map((s) => `${sandbox.url}/checkout/${s.id}`)
    if (!sessions.includes(hostedPage)) {
      throw new Error(`The cart sent the shopper to ${hostedPage}, not to a session's hosted page.`)
    }
    await page.click('#authorize')
    await page.waitForURL((at) => at.origin === url && at.pathname === '/success')
    // A page rendered on the server has it at once; one that reads the session in the browser
    // shows it once the read is done.
    await page.locator('#status').waitFor()
    const text = async (id: string) => (await page.locator(id).textContent())?.trim() ?? ''
    return {
      hostedPage,
      successUrl: new URL(page.url()),
      status: await text('#status'),
      shownOrder: await text('#order'),
      message: await text('#message'),
    }
  } finally {
    await browser.close()
  }
}

function only<T>(list: T[], what: string): T {
  expect(list, `expected one ${what}`).toHaveLength(1)
  return list[0] as T
}
