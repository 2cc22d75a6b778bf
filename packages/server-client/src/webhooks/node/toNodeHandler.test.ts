import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createServer, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { testCertificate } from '../../../../../tests/support/tls'
import { trustingFetch } from '../../../../../tests/support/trustingFetch'
import { createWebhookHandler } from '../handler.js'
import { signWebhook } from '../sign.js'
import { toNodeHandler } from './toNodeHandler.js'

const secret = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'
let timestamp = Date.now()

const servers: Server[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    }),
  )
})

/** Serves `listener` over HTTPS on 127.0.0.1; resolves to a poster of deliveries to `path`. */
async function serve(listener: RequestListener) {
  const { key, cert } = await testCertificate()
  const server = createServer({ key, cert }, listener)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const fetchTrusting = trustingFetch(cert)
  return async (path: string, body: string, headers: Record<string, string> = {}) => {
    const signed = await signWebhook({ body, signingSecret: secret, timestamp: ++timestamp })
    const response = await fetchTrusting(`https://127.0.0.1:${port}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers, ...headers },
      body,
    })
    return { status: response.status, body: await response.text() }
  }
}

const event = (amount = 3000) =>
  JSON.stringify({
    id: `evt_test_${crypto.randomUUID().replaceAll('-', '')}`,
    object: 'event',
    createdAt: Date.now(),
    test: true,
    event: 'order.authorized',
    eventData: {
      type: 'order.authorized',
      data: { id: 'order_test_1', object: 'order', status: 'succeeded', amount, currency: 'JPY' },
    },
  })

function smartpayHandler() {
  const amounts: number[] = []
  const handler = createWebhookHandler({
    signingSecret: secret,
    onError: () => {},
    on: { 'order.authorized': (e) => void amounts.push(e.eventData.data.amount) },
  })
  return { handler, amounts }
}

describe('toNodeHandler in node:http', () => {
  it('reads the raw body from the stream and answers as the handler does', async () => {
    const { handler, amounts } = smartpayHandler()
    const post = await serve(toNodeHandler(handler))
    expect(await post('/webhooks', event(1200))).toEqual({
      status: 200,
      body: '{"received":true}',
    })
    const forged = await post('/webhooks', event(), { 'smartpay-signature': '0'.repeat(64) })
    expect(forged.status).toBe(400)
    expect(JSON.parse(forged.body).error).toBe('bad-signature')
    expect(amounts).toEqual([1200])
  })

  it('keeps the bytes exactly: spacing and non-ASCII text still verify', async () => {
    const { handler, amounts } = smartpayHandler()
    const post = await serve(toNodeHandler(handler))
    const spaced = JSON.stringify({ ...JSON.parse(event(700)), note: '抹茶 🍵' }, null, 2)
    expect((await post('/webhooks', spaced)).status).toBe(200)
    expect(amounts).toEqual([700])
  })

  it('answers 400 body-too-large from Content-Length, before reading the body', async () => {
    const limited = createWebhookHandler({ signingSecret: secret, maxBodyBytes: 64, on: {} })
    const post = await serve(toNodeHandler(limited))
    const answer = await post('/webhooks', event())
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body).error).toBe('body-too-large')
  })

  it('reads the stream when a parser left req.body = {} without reading (body-parser 1)', async () => {
    const { handler, amounts } = smartpayHandler()
    const adapter = toNodeHandler(handler)
    const post = await serve((req, res) => {
      Object.assign(req, { body: {} })
      void adapter(req, res)
    })
    expect((await post('/webhooks', event(5))).status).toBe(200)
    expect(amounts).toEqual([5])
  })

  it('answers 500 and says how to fix it when something read the body first', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { handler, amounts } = smartpayHandler()
    const adapter = toNodeHandler(handler)
    const post = await serve(async (req: IncomingMessage, res: ServerResponse) => {
      for await (const _ of req) {
        // a logging middleware that drains the body
      }
      void adapter(req, res)
    })
    expect((await post('/webhooks', event())).status).toBe(500)
    expect(String(log.mock.calls[0]?.[0])).toMatch(/already read by something.*express\.raw/s)
    expect(amounts).toEqual([])
  })
})

describe('toNodeHandler in Express', () => {
  it('works mounted before express.json(), reading the stream itself', async () => {
    const { handler, amounts } = smartpayHandler()
    const app = express()
    app.post('/webhooks/smartpay', toNodeHandler(handler))
    app.use(express.json())
    app.post('/api/echo', (req, res) => void res.json(req.body))
    const post = await serve(app)
    expect((await post('/webhooks/smartpay', event(3300))).status).toBe(200)
    expect(amounts).toEqual([3300])
    expect(await post('/api/echo', '{"a":1}')).toEqual({ status: 200, body: '{"a":1}' })
  })

  it('takes the Buffer express.raw() left', async () => {
    const { handler, amounts } = smartpayHandler()
    const app = express()
    app.post('/webhooks', express.raw({ type: '*/*' }), toNodeHandler(handler))
    const post = await serve(app)
    expect((await post('/webhooks', event(42))).status).toBe(200)
    expect(amounts).toEqual([42])
  })

  it('passes an error naming express.raw() to next when express.json() parsed the body', async () => {
    const { handler, amounts } = smartpayHandler()
    const errors: string[] = []
    const app = express()
    app.use(express.json())
    app.post('/webhooks', toNodeHandler(handler))
    app.use((error: Error, _req: unknown, res: express.Response, _next: unknown) => {
      errors.push(error.message)
      res.status(500).json({ error: 'internal' })
    })
    const post = await serve(app)
    expect((await post('/webhooks', event())).status).toBe(500)
    expect(errors).toEqual([expect.stringContaining('a body parser (express.json()?)')])
    expect(errors[0]).toContain("express.raw({ type: '*/*'")
    expect(amounts).toEqual([])
  })
})
