#!/usr/bin/env node
// A short tour of @smartpay-kit/core against a local HTTPS server that plays the API:
// auth, a retried POST that keeps its idempotency key, a typed error, and pagination.
import { createServer } from 'node:https'
import { createTransport, isSmartpayError, NotFoundError } from '@smartpay-kit/core'
import { generate } from 'selfsigned'
import { Agent } from 'undici'

const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
  keyType: 'ec',
  curve: 'P-256',
  extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
})

const seen = []
let flaky = 1
const orders = Array.from({ length: 5 }, (_, i) => ({ id: `order_test_demo${i}`, object: 'order' }))
const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
  const url = new URL(req.url, 'https://127.0.0.1')
  seen.push(
    `${req.method} ${url.pathname}${url.search} key=${req.headers['idempotency-key'] ?? '-'}`,
  )
  const send = (status, body) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
  if (req.method === 'POST' && flaky-- > 0)
    return send(503, { statusCode: 503, errorCode: 'unavailable' })
  if (req.method === 'POST')
    return send(200, { id: 'payment_test_demo', object: 'payment', amount: 1000 })
  if (url.pathname.endsWith('/orders')) {
    const start = Number(url.searchParams.get('pageToken') ?? 0)
    const size = Number(url.searchParams.get('maxResults') ?? 20)
    const data = orders.slice(start, start + size)
    const next = start + size < orders.length ? String(start + size) : undefined
    return send(200, { object: 'collection', data, nextPageToken: next, results: data.length })
  }
  send(404, {
    statusCode: 404,
    errorCode: 'order.not-found',
    message: 'Order not found',
    details: [],
  })
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const baseUrl = `https://127.0.0.1:${server.address().port}/v1`

// Trust the self-signed certificate for this demo only.
const dispatcher = new Agent({ connect: { ca: pems.cert } })
const api = createTransport('sk_test_demoKey0000000000000000', 'basic', {
  baseUrl,
  fetch: (input, init) => fetch(input, { ...init, dispatcher }),
  retry: { baseDelayMs: 50 },
})

let ok = true
const step = (label, detail) => console.log(`✓ ${label}${detail ? `: ${detail}` : ''}`)
try {
  const { data, meta } = await api
    .request({ method: 'POST', path: '/payments', body: { amount: 1000 } })
    .withMeta()
  const keys = new Set(seen.map((line) => line.split('key=')[1]))
  if (meta.attempts !== 2 || keys.size !== 1)
    throw new Error('retry did not keep its idempotency key')
  step(
    'POST /payments answered 503, was retried with the same Idempotency-Key',
    `${data.id} (${meta.idempotencyKey})`,
  )

  try {
    await api.request({ method: 'GET', path: '/orders/order_test_missing' })
    throw new Error('expected a NotFoundError')
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error
    step('GET of a missing order gave a typed NotFoundError', error.message)
  }

  const ids = []
  for await (const order of api.list({ method: 'GET', path: '/orders', query: { maxResults: 2 } }))
    ids.push(order.id)
  if (ids.length !== orders.length)
    throw new Error(`paged ${ids.length} of ${orders.length} orders`)
  step('for await paged through every order, 2 per page', ids.join(', '))
  step('requests the server saw', `\n    ${seen.join('\n    ')}`)
} catch (error) {
  ok = false
  console.error('✗', isSmartpayError(error) ? `${error.name}: ${error.message}` : error)
} finally {
  server.close()
  await dispatcher.close()
}
process.exit(ok ? 0 : 1)
