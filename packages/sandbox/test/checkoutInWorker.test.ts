import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Miniflare } from 'miniflare'
import { type Browser, chromium } from 'playwright'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_KEYS } from '../src/index.js'
import { orderSessionBody } from './helpers.js'

// The in-process sandbox served by a Worker in workerd (miniflare), and a shopper in Chromium:
// the hosted page must be where the Worker is, whatever URL it is served under.
const entry = fileURLToPath(new URL('./runtimes/checkoutWorker.mjs', import.meta.url))

let dir: string | undefined
let mf: Miniflare | undefined
let browser: Browser | undefined
let worker: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-worker-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: { conditions: ['@smartpay-kit/source', 'workerd', 'worker', 'browser'] },
    build: {
      outDir: dir,
      minify: false,
      lib: { entry, formats: ['es'], fileName: 'worker' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })
  const bundle = readdirSync(dir).find((file) => /^worker\.m?js$/.test(file)) ?? 'missing'
  mf = new Miniflare({
    modules: true,
    script: readFileSync(join(dir, bundle), 'utf8'),
    compatibilityDate: '2025-09-01',
    host: '127.0.0.1',
    port: 0,
  })
  worker = (await mf.ready).origin
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
  })
}, 120_000)
afterAll(async () => {
  await browser?.close()
  await mf?.dispose()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Calls the Worker's API with the sandbox's secret test key. */
async function api(method: string, path: string, body?: unknown) {
  const response = await fetch(`${worker}/v1${path}`, {
    method,
    headers: {
      authorization: `Basic ${DEFAULT_KEYS.secret}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  // biome-ignore lint/suspicious/noExplicitAny: the API's JSON
  return { status: response.status, json: (await response.json()) as any }
}

describe('the in-process sandbox served by a Worker (workerd), with a shopper in Chromium', () => {
  it('puts the hosted page on the Worker, where the shopper authorizes and is sent back', async () => {
    const created = await api(
      'POST',
      '/checkout-sessions',
      orderSessionBody({ successUrl: `${worker}/thanks`, cancelUrl: `${worker}/cart` }),
    )
    expect(created.status).toBe(200)
    const session = created.json
    expect(session.url).toBe(`${worker}/checkout/${session.id}`)

    const page = await (browser as Browser).newPage()
    const elsewhere: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== worker) elsewhere.push(request.url())
    })
    const shown = await page.goto(session.url)
    expect(shown?.status()).toBe(200)
    expect(await page.textContent('[data-testid=status]')).toBe('requires_authorization')
    await Promise.all([page.waitForURL(/\/thanks\?/), page.click('#authorize')])
    const back = new URL(page.url())
    expect(back.origin + back.pathname).toBe(`${worker}/thanks`)
    expect(back.searchParams.get('session-id')).toBe(session.id)
    const orderId = back.searchParams.get('order-id') ?? ''
    expect(orderId).toMatch(/^order_test_/)
    expect(elsewhere).toEqual([])
    await page.close()

    const order = await api('GET', `/orders/${orderId}`)
    expect(order.json.status).toBe('succeeded')
  })

  it('keeps the page on the Worker for a shopper who cancels', async () => {
    const session = (
      await api('POST', '/checkout-sessions', orderSessionBody({ cancelUrl: `${worker}/cart` }))
    ).json
    const page = await (browser as Browser).newPage()
    await page.goto(session.url)
    await Promise.all([page.waitForURL(`${worker}/cart`), page.click('#cancel')])
    await page.close()
  })
})
