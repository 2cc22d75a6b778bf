import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { type Browser, chromium } from 'playwright'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type RequestLogEntry,
  type Sandbox,
  startSandbox,
} from '../../packages/sandbox/src/index.js'

// A web page the developer visits while the sandbox runs, on another origin, tries every way a
// page can send a request without a CORS preflight (and one with): none may drive the sandbox.
// Real Chromium (Debian's), which trusts the sandbox's certificate, so every request reaches it.
let sandbox: Sandbox
let browser: Browser
let page: Server
let pageUrl: string
const log: RequestLogEntry[] = []

/** The page's attacks, each a function run in the page against the sandbox's origin. */
const ATTACKS = {
  'a no-cors POST': (origin: string) =>
    fetch(`${origin}/__sandbox/reset`, { method: 'POST', mode: 'no-cors' }),
  'a no-cors text/plain POST with a JSON body': (origin: string) =>
    fetch(`${origin}/__sandbox/faults`, {
      method: 'POST',
      mode: 'no-cors',
      headers: { 'content-type': 'text/plain' },
      body: '{"kind":"drop","times":10}',
    }),
  'a beacon': (origin: string) =>
    navigator.sendBeacon(`${origin}/__sandbox/clock`, '{"advanceMs":86400000}'),
  'a text/plain form': (origin: string) => {
    const form = document.createElement('form')
    form.method = 'POST'
    form.enctype = 'text/plain'
    form.action = `${origin}/__sandbox/trigger`
    form.target = 'sink'
    const field = document.createElement('input')
    field.name = '{"event":"coupon.created","x":"'
    field.value = '"}'
    form.append(field)
    const sink = document.createElement('iframe')
    sink.name = 'sink'
    document.body.append(sink, form)
    form.submit()
    return new Promise((resolve) => sink.addEventListener('load', resolve))
  },
  'a JSON POST with a guessed token (preflighted)': (origin: string) =>
    fetch(`${origin}/__sandbox/reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer sbx_guess' },
      body: '{}',
    }).catch(() => 'blocked'),
  'a DELETE (preflighted)': (origin: string) =>
    fetch(`${origin}/__sandbox/faults`, { method: 'DELETE' }).catch(() => 'blocked'),
} satisfies Record<string, (origin: string) => unknown>

beforeAll(async () => {
  sandbox = await startSandbox({ onRequest: (entry) => void log.push(entry) })
  page = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>a page</title>')
  })
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve))
  pageUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}/`
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--ignore-certificate-errors'],
  })
})
afterAll(async () => {
  await browser?.close()
  await sandbox?.stop()
  await new Promise((resolve) => page?.close(resolve))
})

describe('a web page on another origin', () => {
  it.each(Object.entries(ATTACKS))('cannot drive the sandbox with %s', async (_, attack) => {
    const session = await sandbox.fetch(`${sandbox.apiUrl}/checkout-sessions`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer sk_test_sandboxSecretKey000001',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        amount: 1000,
        currency: 'JPY',
        items: [{ name: 'Tea', amount: 1000, currency: 'JPY' }],
        customerInfo: { emailAddress: 'shopper@example.com' },
        shippingInfo: {
          address: {
            line1: '1-2-3',
            locality: 'Shibuya-ku',
            postalCode: '150-0001',
            country: 'JP',
          },
        },
        successUrl: 'https://merchant.example/done',
        cancelUrl: 'https://merchant.example/cart',
      }),
    })
    expect(session.status).toBe(200)
    sandbox.inject({ kind: 'status', status: 503, path: '/never' })
    const before = {
      sessions: sandbox.objects('checkoutSession').length,
      coupons: sandbox.objects('coupon').length,
      now: sandbox.clock.now(),
    }
    log.length = 0

    const tab = await browser.newPage()
    try {
      await tab.goto(pageUrl)
      await tab.evaluate(`(${attack.toString()})(${JSON.stringify(sandbox.url)})`)
      // Until the sandbox has seen the request (or its preflight): the attack did reach it.
      await expect
        .poll(() => log.filter((e) => e.path.startsWith('/__sandbox/')).length)
        .toBeGreaterThan(0)
    } finally {
      await tab.close()
    }

    const seen = log.filter((e) => e.path.startsWith('/__sandbox/'))
    for (const entry of seen)
      expect([401, 415], `${entry.method} ${entry.path}`).toContain(entry.status)
    expect(sandbox.objects('checkoutSession')).toHaveLength(before.sessions)
    expect(sandbox.objects('coupon')).toHaveLength(before.coupons)
    expect(sandbox.clock.now() - before.now).toBeLessThan(3_600_000)
    const faults = await sandbox.fetch(`${sandbox.url}/__sandbox/faults`, {
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    })
    expect((await faults.json()).data).toEqual([expect.objectContaining({ path: '/never' })])
    sandbox.reset()
  })
})
