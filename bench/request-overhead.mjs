#!/usr/bin/env node
// Request overhead of core's request() against bare fetch, same local HTTPS server, same process.
// Usage: node bench/request-overhead.mjs [requests=2000] [runs=5] [tiny|order]
// (needs `pnpm build` first). `order` answers with an order as the API returns one (~1.6 kB);
// `tiny` (the default) with a 70-byte object, the harshest case for client overhead.
import { createServer } from 'node:https'
import os from 'node:os'
import { createTransport } from '@smartpay-kit/core'
import { generate } from 'selfsigned'
import { Agent } from 'undici'

const N = Number(process.argv[2] ?? 2000)
const RUNS = Number(process.argv[3] ?? 5)

const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
  keyType: 'ec',
  curve: 'P-256',
  extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
})
const PAYLOAD = process.argv[4] ?? 'tiny'
const item = (n) => ({
  id: `li_test_bench${n}`,
  object: 'lineItem',
  kind: 'product',
  amount: 1200,
  currency: 'JPY',
  quantity: 1,
  description: 'Sencha green tea, 100 g',
  price: {
    id: `price_test_bench${n}`,
    object: 'price',
    amount: 1200,
    currency: 'JPY',
    label: 'Tea',
  },
})
const order = {
  id: 'order_test_bench',
  object: 'order',
  test: true,
  status: 'requires_capture',
  amount: 3300,
  currency: 'JPY',
  createdAt: 1764288000000,
  updatedAt: 1764288000000,
  expiresAt: 1766880000000,
  reference: 'order-1234',
  description: 'Tea for the office',
  metadata: { cart: 'c_9f8e7d', channel: 'web' },
  discountAmount: 0,
  discounts: [],
  payments: [],
  lineItems: [item(1), item(2), item(3)],
  shippingInfo: {
    address: {
      line1: '1-2-3 Shibuya',
      locality: 'Shibuya-ku',
      postalCode: '150-0002',
      country: 'JP',
    },
    feeAmount: 500,
    feeCurrency: 'JPY',
  },
}
const tiny = { id: 'order_test_bench', object: 'order', amount: 1000, currency: 'JPY' }
const body = JSON.stringify(PAYLOAD === 'order' ? order : tiny)
const server = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
  res
    .writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    })
    .end(body)
})
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `https://127.0.0.1:${server.address().port}/v1`

// Both sides share one keep-alive agent, so only the client code differs.
const dispatcher = new Agent({ connect: { ca: pems.cert } })
const trusted = (input, init) => fetch(input, { ...init, dispatcher })
const api = createTransport('sk_test_benchKey000000000000000', 'basic', {
  baseUrl: base,
  fetch: trusted,
})
const auth = `Basic ${btoa('sk_test_benchKey000000000000000:')}`

async function bare() {
  for (let i = 0; i < N; i++) {
    const res = await trusted(`${base}/orders/order_test_bench`, {
      headers: { authorization: auth, accept: 'application/json' },
    })
    await res.json()
  }
}
async function core() {
  for (let i = 0; i < N; i++) await api.request({ method: 'GET', path: '/orders/order_test_bench' })
}
async function time(fn) {
  const start = performance.now()
  await fn()
  return performance.now() - start
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

await bare()
await core() // warm-up: TLS session, JIT
const results = { bare: [], core: [] }
for (let run = 0; run < RUNS; run++) {
  // Alternate the order so neither side always runs on a warmer process.
  const order = run % 2 ? ['core', 'bare'] : ['bare', 'core']
  for (const name of order) results[name].push(await time(name === 'bare' ? bare : core))
}
const b = median(results.bare)
const c = median(results.core)
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`)
console.log(
  `${N} sequential GETs, median of ${RUNS} runs, ${body.length}-byte JSON answer (${PAYLOAD})`,
)
console.log(`bare fetch : ${b.toFixed(0)} ms (${((b / N) * 1000).toFixed(0)} µs/request)`)
console.log(`core request(): ${c.toFixed(0)} ms (${((c / N) * 1000).toFixed(0)} µs/request)`)
console.log(`ratio: ${(c / b).toFixed(3)}×`)
server.close()
await dispatcher.close()
