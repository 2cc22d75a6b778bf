import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
// The clients from source (relative imports: the sandbox does not depend on them).
import { parsePublicKey } from '../../core/src/index.js'
import { createPublicClient } from '../../public-client/src/index.js'
import { createServerClient, parseSecretKey } from '../../server-client/src/index.js'
import { verifyWebhookRequest } from '../../server-client/src/webhooks/index.js'
import { createSandbox, DEFAULT_KEYS, type InProcessSandbox } from '../src/fetch.js'
import { orderSessionBody } from './helpers.js'

const secretKey = parseSecretKey(DEFAULT_KEYS.secret)
const publicKey = parsePublicKey(DEFAULT_KEYS.public)

let sandbox: InProcessSandbox | undefined
afterEach(async () => {
  await sandbox?.stop()
  sandbox = undefined
})

const start = (options: Parameters<typeof createSandbox>[0] = {}) => {
  sandbox = createSandbox({
    webhookRetry: { baseMs: 10, maxAttempts: 3, timeoutMs: 2000 },
    ...options,
  })
  return sandbox
}

const client = (s: InProcessSandbox, options: Record<string, unknown> = {}) =>
  createServerClient({
    secretKey,
    baseUrl: s.apiUrl,
    fetch: s.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...options,
  })

// biome-ignore lint/suspicious/noExplicitAny: the body goes through the client's own checks
const sessionParams = () => orderSessionBody({ captureMethod: 'manual' }) as any

describe('createSandbox (in-process)', () => {
  it('serves the server client with no port and no certificate', async () => {
    const s = start()
    const smartpay = client(s)
    const session = await smartpay.checkoutSessions.create(sessionParams())
    expect(session.id).toMatch(/^checkout_test_/)
    expect(session.url).toBe(`${s.url}/checkout/${session.id}`)
    const { order } = s.authorize(session.id)
    const payment = await smartpay.payments.create({
      order: order?.id ?? '',
      amount: 3000,
      currency: 'JPY',
    })
    expect((await smartpay.orders.retrieve(order?.id ?? '')).status).toBe('succeeded')
    await smartpay.refunds.create({
      payment: payment.id,
      amount: 1000,
      currency: 'JPY',
      reason: 'requested_by_customer',
    })
    expect(s.objects('refund')).toHaveLength(1)
  })

  it('serves the public client: it may retrieve a session and nothing else', async () => {
    const s = start()
    const session = await client(s).checkoutSessions.create(sessionParams())
    const browser = createPublicClient({ publicKey, baseUrl: s.apiUrl, fetch: s.fetch })
    expect((await browser.checkoutSessions.retrieve(session.id)).id).toBe(session.id)
    const res = await s.fetch(`${s.apiUrl}/orders`, {
      headers: { authorization: `Bearer ${DEFAULT_KEYS.public}` },
    })
    expect(res.status).toBe(403)
  })

  it('replays an idempotent retry instead of creating twice', async () => {
    const s = start()
    s.inject({
      kind: 'status',
      status: 503,
      after: true,
      method: 'POST',
      path: '/checkout-sessions',
    })
    const session = await client(s).checkoutSessions.create(sessionParams())
    expect(s.objects('checkoutSession')).toHaveLength(1)
    expect(s.objects('checkoutSession')[0]?.id).toBe(session.id)
  })

  it('turns a drop fault into a network error the client retries', async () => {
    const s = start()
    s.inject({ kind: 'drop', method: 'GET', path: '/orders' })
    const page = await client(s).orders.list()
    expect(page.data).toEqual([])
    await expect(s.fetch(`${s.apiUrl}/orders`, { method: 'GET' })).resolves.toBeInstanceOf(Response)
    s.inject({ kind: 'drop' })
    await expect(s.fetch(`${s.apiUrl}/orders`)).rejects.toThrow(TypeError)
  })

  it('hangs until the caller aborts', async () => {
    const s = start()
    s.inject({ kind: 'delay', ms: 0, hang: true })
    const aborter = new AbortController()
    const pending = s.fetch(`${s.apiUrl}/orders`, {
      headers: { authorization: `Basic ${DEFAULT_KEYS.secret}` },
      signal: aborter.signal,
    })
    aborter.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('serves the hosted page and its buttons', async () => {
    const s = start()
    const session = await client(s).checkoutSessions.create(sessionParams())
    const url = session.url ?? ''
    const page = await s.fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('data-testid="authorize"')
    const posted = await s.fetch(`${url}/authorize`, { method: 'POST', redirect: 'manual' })
    expect(posted.status).toBe(303)
    expect(posted.headers.get('location')).toContain('session-id=')
    expect(s.objects('order')[0]?.status).toBe('requires_capture')
    const refused = s.fetch(`${url}/cancel`, { method: 'POST', redirect: 'error' })
    await expect(refused).rejects.toThrow(TypeError)
  })
})

describe('in-process webhooks', () => {
  it('hands every delivery to `deliver`, whatever the URL, with retries', async () => {
    const received: Request[] = []
    const statuses = [500]
    const s = start({
      deliver: async (request) => {
        received.push(request.clone())
        return new Response(null, { status: statuses.shift() ?? 200 })
      },
    })
    const endpoint = await client(s).webhookEndpoints.create({
      url: 'https://shop.example/webhooks',
    })
    s.trigger('coupon.created')
    await s.settled()
    expect(received).toHaveLength(2)
    expect(received[1]?.url).toBe('https://shop.example/webhooks')
    const event = await verifyWebhookRequest(received[1] as Request, {
      signingSecret: endpoint.signingSecret as string,
    })
    expect(event.understood && event.eventData.type).toBe('coupon.created')
    expect(s.deliveries()[0]).toMatchObject({ state: 'delivered', target: endpoint.url })
    expect(s.deliveries()[0]?.attempts.map((a) => a.status)).toEqual([500, 200])
  })

  it('without `deliver`, posts to loopback URLs and records the others as undeliverable', async () => {
    const bodies: string[] = []
    const server = createServer((req: IncomingMessage, res) => {
      let body = ''
      req.on('data', (chunk: Buffer) => {
        body += chunk.toString('utf8')
      })
      req.on('end', () => {
        bodies.push(body)
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const local = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`
      const s = start()
      const smartpay = client(s)
      await smartpay.webhookEndpoints.create({ url: local })
      await smartpay.webhookEndpoints.create({ url: 'https://shop.example/webhooks' })
      const event = s.trigger('coupon.created')
      await s.settled()
      expect(bodies.map((b) => JSON.parse(b).id)).toEqual([event.id])
      const states = s.deliveries().map((d) => [d.url, d.state])
      expect(states).toEqual([
        [local, 'delivered'],
        ['https://shop.example/webhooks', 'undeliverable'],
      ])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })

  it('refuses a forwardTo target off this machine', () => {
    expect(() => createSandbox({ forwardTo: 'https://hooks.example/x' })).toThrow(/127\.0\.0\.1/)
  })
})
