#!/usr/bin/env node
// Request overhead of core's request() against bare fetch, same local HTTPS server, same process.
// Usage: node bench/request-overhead.mjs [requests=2000] [runs=5] [tiny|order] [before.js]
// (needs `pnpm build` first). `order` answers with an order as the API returns one (~1.6 kB);
// `tiny` (the default) with a 70-byte object, the harshest case for client overhead.
// `before.js`: another build of core (say, main's dist/index.js, copied beside a node_modules
// that has ky) measured in the same run, interleaved: the A/B a transport change needs.
import { createServer } from 'node:https'
import os from 'node:os'
import { createTransport } from '@smartpay-kit/core'
import ky from 'ky'
import { generate } from 'selfsigned'
import { Agent } from 'undici'

const N = Number(process.argv[2] ?? 2000)
const BEFORE = process.argv[5]
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
const before =
  BEFORE &&
  (await import(new URL(BEFORE, `file://${process.cwd()}/`).href)).createTransport(
    'sk_test_benchKey000000000000000',
    'basic',
    { baseUrl: base, fetch: trusted },
  )
const auth = `Basic ${btoa('sk_test_benchKey000000000000000:')}`

async function bare() {
  for (let i = 0; i < N; i++) {
    const res = await trusted(`${base}/orders/order_test_bench`, {
      headers: { authorization: auth, accept: 'application/json' },
    })
    await res.json()
  }
}
// ky configured as core configures it (timeouts, retries, no redirects), without core: shows
// how much of the overhead is ky's own per-call work and how much is core's.
const kyAlone = ky.create({
  prefix: base,
  fetch: trusted,
  headers: { authorization: auth, accept: 'application/json' },
  redirect: 'manual',
  timeout: 30_000,
  totalTimeout: 60_000,
  retry: { limit: 2 },
})
async function kyOnly() {
  for (let i = 0; i < N; i++) {
    const pending = kyAlone('orders/order_test_bench')
    await pending
    JSON.parse(await pending.text())
  }
}
async function core() {
  for (let i = 0; i < N; i++) await api.request({ method: 'GET', path: '/orders/order_test_bench' })
}
async function coreBefore() {
  for (let i = 0; i < N; i++)
    await before.request({ method: 'GET', path: '/orders/order_test_bench' })
}
// CPU time of this process (client and server alike; the server's share is the same for every
// side), which other processes on a busy machine disturb far less than wall time.
async function time(fn) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  await fn()
  const used = process.cpuUsage(cpu)
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const sides = { bare, ky: kyOnly, core, ...(before && { before: coreBefore }) }
for (const fn of Object.values(sides)) await fn() // warm-up: TLS session, JIT
const results = Object.fromEntries(Object.keys(sides).map((name) => [name, []]))
for (let run = 0; run < RUNS; run++) {
  // Rotate the order so no side always runs on a warmer process.
  const names = Object.keys(sides)
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + run) % names.length]
    results[name].push(await time(sides[name]))
  }
}
const us = (ms) => ((ms / N) * 1000).toFixed(0)
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}`)
console.log(
  `${N} sequential GETs, median of ${RUNS} runs, ${body.length}-byte JSON answer (${PAYLOAD})`,
)
console.log('side            CPU µs/req  × bare   wall µs/req  × bare')
const bare0 = {
  cpu: median(results.bare.map((r) => r.cpu)),
  wall: median(results.bare.map((r) => r.wall)),
}
const label = { bare: 'bare fetch', ky: 'ky alone', core: 'core request()', before: 'core before' }
const rows = {}
for (const name of Object.keys(sides)) {
  const cpu = median(results[name].map((r) => r.cpu))
  const wall = median(results[name].map((r) => r.wall))
  rows[name] = { cpu, wall }
  console.log(
    `${label[name].padEnd(15)} ${us(cpu).padStart(10)}  ${(cpu / bare0.cpu).toFixed(2).padStart(6)}×  ${us(wall).padStart(10)}  ${(wall / bare0.wall).toFixed(2).padStart(6)}×`,
  )
}
if (before) {
  const diff = (((rows.core.cpu - rows.before.cpu) / N) * 1000).toFixed(1)
  console.log(`after − before: ${diff} µs CPU/request (before = ${BEFORE})`)
}
server.close()
await dispatcher.close()
