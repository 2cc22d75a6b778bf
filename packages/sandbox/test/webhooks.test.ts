import { createHmac } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createCertificate } from '../src/hosts/node/tls.js'
import { base62Decode, signWebhookMessage, startSandbox, webhookSignature } from '../src/index.js'
import { signDelivery } from '../src/webhooks/signing.js'
import { authorizedOrder, type Harness, harness, SK_LIVE } from './helpers.js'

interface Received {
  headers: IncomingMessage['headers']
  body: string
}

/** A local receiver that answers `statuses` in turn, then 200. */
async function receiver(statuses: number[] = [], tls?: { key: string; cert: string }) {
  const received: Received[] = []
  const handler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    let body = ''
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8')
    })
    req.on('end', () => {
      received.push({ headers: req.headers, body })
      res.writeHead(statuses.shift() ?? 200).end('ok')
    })
  }
  const server = tls ? createHttpsServer(tls, handler) : createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

describe('webhook signatures', () => {
  it('match the shared vector file', () => {
    const file = JSON.parse(
      readFileSync(
        new URL('../../server-client/src/webhooks/webhook-vectors.json', import.meta.url),
        'utf8',
      ),
    )
    for (const v of file.vectors) {
      expect(Buffer.from(base62Decode(v.secret)).toString('hex')).toBe(v.secretKeyHex)
      expect(webhookSignature({ secret: v.secret, timestamp: v.timestamp, body: v.body })).toBe(
        v.signature,
      )
    }
  })

  it('match the shared vector file with Web Crypto too (what deliveries are signed with)', async () => {
    const file = JSON.parse(
      readFileSync(
        new URL('../../server-client/src/webhooks/webhook-vectors.json', import.meta.url),
        'utf8',
      ),
    )
    for (const v of file.vectors)
      expect(await signDelivery(v.secret, v.timestamp, v.body)).toBe(v.signature)
  })

  it('match the SDK vector for a payment.created event', () => {
    const body =
      '{"id":"evt_test_dwPfFKu5iSEKyHR2LFj9Lx","object":"event","createdAt":1653028523052,"test":true,"eventData":{"type":"payment.created","version":"2022-02-18","data":{"id":"payment_test_35LxgmF5KM22XKG38BjpJg","object":"payment","test":true,"createdAt":1653028523020,"updatedAt":1653028523020,"amount":200,"currency":"JPY","order":"order_test_RiYq2rthzRHrkKVGeucSwn","reference":"order_ref_1234567","status":"processed","metadata":{}}}}'
    const signature = webhookSignature({
      secret: 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q',
      timestamp: '1653028612220',
      body,
    })
    expect(signature).toBe('68007ada8485ea0ceca7c5e879ae860a50412b7af95ab8e81b32a3e13f3c0832')
  })

  it('match the SDK vector for the message "test data"', () => {
    expect(signWebhookMessage('test data', 'MOCKSECRETKEY')).toBe(
      'ae82b27dd6dafd0dbfc65faff07160833776cf60915782ef991557e51e4d1782',
    )
  })

  it('decode leading "A"s as zero bytes', () => {
    expect([...base62Decode('AAB')]).toEqual([0, 0, 1])
    expect([...base62Decode('A')]).toEqual([0])
    expect([...base62Decode('BA')]).toEqual([62])
    expect(base62Decode('Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn')).toHaveLength(30)
  })
})

describe('webhook delivery', () => {
  let h: Harness
  beforeAll(async () => {
    h = await harness({ webhookRetry: { baseMs: 20, maxAttempts: 4, timeoutMs: 2000 } })
  })
  beforeEach(() => h.sandbox.reset())
  afterAll(() => h.close())

  const register = (body: Record<string, unknown>) => h.call('POST', '/webhook-endpoints', { body })

  it('creates endpoints with a 40-character base62 signing secret', async () => {
    const res = await register({ url: 'http://127.0.0.1:9/hooks' })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({
      object: 'webhookEndpoint',
      active: true,
      url: 'http://127.0.0.1:9/hooks',
    })
    expect(res.json.id).toMatch(/^webhookendpoint_test_[0-9A-Za-z]{22}$/)
    expect(res.json.signingSecret).toMatch(/^[0-9A-Za-z]{40}$/)
  })

  it('accepts any http(s) URL, as the API does, but https only in live mode', async () => {
    const remote = await register({ url: 'https://shop.example/hooks' })
    expect(remote.status).toBe(200)
    expect(remote.json.url).toBe('https://shop.example/hooks')
    for (const url of ['ftp://127.0.0.1/x', 'not a url']) {
      const res = await register({ url })
      expect(res.status).toBe(400)
      expect(res.json.details[0].path).toBe('url')
    }
    const live = { key: SK_LIVE }
    const plain = await h.call('POST', '/webhook-endpoints', {
      ...live,
      body: { url: 'http://10.0.0.1/x' },
    })
    expect(plain.status).toBe(400)
    const patch = await h.call('PATCH', `/webhook-endpoints/${remote.json.id}`, {
      body: { url: 'mailto:x@example.com' },
    })
    expect(patch.status).toBe(400)
    expect(h.sandbox.objects('webhookEndpoint')[0]?.url).toBe('https://shop.example/hooks')
  })

  it('sends nothing off the machine: other hosts are recorded as undeliverable', async () => {
    const r = await receiver()
    try {
      await register({ url: 'https://shop.example/hooks', eventSubscriptions: ['coupon.created'] })
      await register({ url: r.url, eventSubscriptions: ['coupon.created'] })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      expect(r.received).toHaveLength(1)
      const [remote, local] = h.sandbox.deliveries()
      expect(remote).toMatchObject({ url: 'https://shop.example/hooks', state: 'undeliverable' })
      expect(remote?.target).toBeUndefined()
      expect(remote?.attempts).toEqual([])
      expect(local).toMatchObject({ url: r.url, target: r.url, state: 'delivered' })
    } finally {
      await r.close()
    }
  })

  it('signs each delivery and retries with backoff until a 200', async () => {
    const r = await receiver([500, 503])
    try {
      const endpoint = (await register({ url: r.url, eventSubscriptions: ['order.authorized'] }))
        .json
      const { order } = await authorizedOrder(h)
      await h.sandbox.settled()
      const authorized = r.received
      expect(authorized.map((x) => JSON.parse(x.body).event)).toEqual(
        Array(3).fill('order.authorized'),
      )
      const last = authorized[2] as Received
      const event = JSON.parse(last.body)
      expect(event).toMatchObject({
        object: 'event',
        test: true,
        event: 'order.authorized',
        eventData: {
          type: 'order.authorized',
          version: '2022-02-18',
          data: { id: order.id, status: 'succeeded' },
        },
      })
      expect(event.id).toMatch(/^evt_test_[0-9A-Za-z]{22}$/)
      expect(last.headers['smartpay-subscription-id']).toBe(endpoint.id)
      expect(last.headers['smartpay-event-id']).toBe(event.id)
      const timestamp = String(last.headers['smartpay-signature-timestamp'])
      expect(timestamp).toMatch(/^\d{13}$/)
      const expected = createHmac('sha256', base62Decode(endpoint.signingSecret))
        .update(`${timestamp}.${last.body}`)
        .digest('hex')
      expect(last.headers['smartpay-signature']).toBe(expected)
      const delivery = h.sandbox.deliveries().find((d) => d.event === 'order.authorized')
      expect(delivery?.state).toBe('delivered')
      expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 503, 200])
      const [a, b, c] = delivery?.attempts.map((x) => x.at) ?? []
      expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(15)
      expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(35)
    } finally {
      await r.close()
    }
  })

  it('gives up after maxAttempts', async () => {
    const r = await receiver([500, 500, 500, 500, 500, 500])
    try {
      await register({ url: r.url, eventSubscriptions: ['coupon.created'] })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      const [delivery] = h.sandbox.deliveries()
      expect(delivery?.state).toBe('failed')
      expect(delivery?.attempts).toHaveLength(4)
    } finally {
      await r.close()
    }
  })

  it('delivers only subscribed events to active endpoints of the same mode', async () => {
    const r = await receiver()
    try {
      await register({ url: r.url, eventSubscriptions: ['payment.created'] })
      const off = (await register({ url: r.url })).json
      await h.call('PATCH', `/webhook-endpoints/${off.id}`, { body: { active: false } })
      await h.call('POST', '/webhook-endpoints', { key: 'sk_live_x', body: { url: r.url } })
      await authorizedOrder(h)
      await h.sandbox.settled()
      expect(r.received.map((x) => JSON.parse(x.body).event)).toEqual(['payment.created'])
      const log = await h.raw('GET', '/__sandbox/deliveries')
      expect(log.json.data).toHaveLength(1)
      expect(log.json.data[0]).toMatchObject({ event: 'payment.created', state: 'delivered' })
    } finally {
      await r.close()
    }
  })

  it('delivers to an https receiver with a self-signed certificate', async () => {
    const r = await receiver([], await createCertificate())
    try {
      await register({ url: r.url, eventSubscriptions: ['coupon.created'] })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      expect(r.received).toHaveLength(1)
      expect(h.sandbox.deliveries()[0]?.state).toBe('delivered')
    } finally {
      await r.close()
    }
  })

  it('emits the lifecycle events', async () => {
    const { order } = await authorizedOrder(h, { captureMethod: 'manual' })
    await h.call('PUT', `/orders/${order.id}/cancellation`)
    const token = (
      await h.call('POST', '/checkout-sessions', {
        body: {
          mode: 'token',
          customerInfo: {},
          successUrl: 'https://m.example/s',
          cancelUrl: 'https://m.example/c',
        },
      })
    ).json
    h.sandbox.authorize(token.id)
    await h.call('PUT', `/tokens/${token.token.id}/disable`)
    await h.call('PUT', `/tokens/${token.token.id}/enable`)
    await h.call('DELETE', `/tokens/${token.token.id}`)
    expect(h.sandbox.events().map((e) => e.event)).toEqual([
      'order.authorized',
      'order.canceled',
      'token.created',
      'token.approved',
      'token.disabled',
      'token.enabled',
      'token.deleted',
    ])
  })

  it('emits no event when the request fails', async () => {
    await h.call('POST', '/payments', {
      body: { order: 'order_test_missing', amount: 1, currency: 'JPY' },
    })
    expect(h.sandbox.events()).toEqual([])
  })

  it('retrieves, lists and deletes endpoints (204, then 404)', async () => {
    const created = (
      await h.call('POST', '/webhook-endpoints', { body: { url: 'http://localhost:9/x' } })
    ).json
    expect((await h.call('GET', `/webhook-endpoints/${created.id}`)).json.url).toBe(
      'http://localhost:9/x',
    )
    expect((await h.call('GET', '/webhook-endpoints')).json.results).toBe(1)
    const deleted = await h.call('DELETE', `/webhook-endpoints/${created.id}`)
    expect(deleted.status).toBe(204)
    expect(deleted.text).toBe('')
    const gone = await h.call('GET', `/webhook-endpoints/${created.id}`)
    expect(gone.status).toBe(404)
    expect(gone.json.errorCode).toBe('webhook-endpoint.not-found')
  })
})

describe('settled()', () => {
  let h: Harness
  afterEach(() => h.close())
  it('waits for scheduled retries, not just the attempt in flight', async () => {
    h = await harness({ webhookRetry: { baseMs: 100, maxAttempts: 2, timeoutMs: 2000 } })
    const r = await receiver([500])
    try {
      await h.call('POST', '/webhook-endpoints', { body: { url: r.url } })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      expect(r.received).toHaveLength(2)
    } finally {
      await r.close()
    }
  })
})

describe('forwardTo', () => {
  it('delivers endpoints off the machine to the local URL they are mapped to', async () => {
    const r = await receiver()
    const h = await harness({
      forwardTo: { 'https://shop.example/hooks': r.url },
      webhookRetry: { baseMs: 20, maxAttempts: 2, timeoutMs: 2000 },
    })
    try {
      const endpoint = (
        await h.call('POST', '/webhook-endpoints', { body: { url: 'https://shop.example/hooks' } })
      ).json
      await h.call('POST', '/webhook-endpoints', { body: { url: 'https://other.example/hooks' } })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      expect(r.received).toHaveLength(1)
      const headers = r.received[0]?.headers ?? {}
      expect(headers['smartpay-subscription-id']).toBe(endpoint.id)
      const expected = webhookSignature({
        secret: endpoint.signingSecret,
        timestamp: String(headers['smartpay-signature-timestamp']),
        body: r.received[0]?.body ?? '',
      })
      expect(headers['smartpay-signature']).toBe(expected)
      expect(h.sandbox.deliveries().map((d) => d.state)).toEqual(['delivered', 'undeliverable'])
    } finally {
      await h.close()
      await r.close()
    }
  })

  it('sends every delivery off the machine to one URL when given a string', async () => {
    const r = await receiver()
    const h = await harness({ forwardTo: r.url })
    try {
      await h.call('POST', '/webhook-endpoints', { body: { url: 'https://a.example/hooks' } })
      await h.call('POST', '/webhook-endpoints', { body: { url: 'https://b.example/hooks' } })
      await h.call('POST', '/coupons', {
        body: { name: 'x', discountType: 'percentage', discountPercentage: 1 },
      })
      await h.sandbox.settled()
      expect(r.received).toHaveLength(2)
      expect(h.sandbox.deliveries().map((d) => d.target)).toEqual([r.url, r.url])
    } finally {
      await h.close()
      await r.close()
    }
  })

  it('must be on this machine', async () => {
    await expect(startSandbox({ forwardTo: 'https://hooks.example/in' })).rejects.toThrow(
      /127\.0\.0\.1 or localhost/,
    )
  })
})
