#!/usr/bin/env node
// What the server client's resource methods cost on top of core's request(), same process.
// Usage: node bench/resource-overhead.mjs [calls=5000] [runs=9] [memory|stub] [before/index.js]
// (needs `pnpm build` first). No network: `memory` (the default) runs the whole client with a
// `fetch` that answers from memory, so only client CPU counts; `stub` puts the resources on a
// transport whose request() resolves at once, so only the method layer's own work counts (use
// more calls, say 200000).
// `before/index.js`: another build of server-client measured in the same run, say main's
// dist/index.js and dist/chunks/ copied to bench/node_modules/.before/ (so that it resolves
// core and valibot from bench/node_modules).
import { ApiPromise } from '@smartpay-kit/core'
import * as client from '@smartpay-kit/server-client'

const N = Number(process.argv[2] ?? 5000)
const RUNS = Number(process.argv[3] ?? 9)
const MODE = process.argv[4] ?? 'memory'
const BEFORE = process.argv[5]

const ORDER = 'order_test_bench'
const order = { id: ORDER, object: 'order', amount: 1000, currency: 'JPY', status: 'succeeded' }
const refund = { id: 'refund_test_bench', object: 'refund', amount: 100, currency: 'JPY' }
const answers = {
  '/v1/orders': JSON.stringify({ object: 'collection', data: [order] }),
  [`/v1/orders/${ORDER}`]: JSON.stringify(order),
  '/v1/refunds': JSON.stringify(refund),
}
const headers = { 'content-type': 'application/json' }
const fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : input)
  return new Response(answers[url.pathname], { headers })
}
const options = {
  secretKey: 'sk_test_benchKey000000000000000',
  baseUrl: 'https://api.example/v1',
  fetch,
}
const meta = { status: 200, method: 'GET', path: '', attempts: 1, headers: new Headers() }
const stub = {
  mode: 'test',
  baseUrl: options.baseUrl,
  keyFingerprint: 'sk_test_…0000',
  request: (spec) =>
    new ApiPromise(Promise.resolve({ data: JSON.parse(answers[`/v1${spec.path}`]), meta })),
}
/** The client a build makes: whole, or its resources on the stub transport. */
const build = (api) =>
  MODE === 'stub'
    ? { orders: api.ordersResource(stub), refunds: api.refundsResource(stub) }
    : api.createServerClient(options)
const smartpay = build(client)
const transport = MODE === 'stub' ? stub : client.createServerTransport(options)
const before = BEFORE && build(await import(new URL(BEFORE, `file://${process.cwd()}/`).href))
const refundParams = {
  payment: 'payment_test_bench',
  amount: 100,
  currency: 'JPY',
  reason: 'requested_by_customer',
}

// Each operation as a method and as the bare request() that sends the same thing.
const sides = {
  'orders.retrieve': (c) => c.orders.retrieve(ORDER),
  'request GET /orders/{id}': () => transport.request({ method: 'GET', path: `/orders/${ORDER}` }),
  'orders.list': (c) => c.orders.list(),
  'request GET /orders': () => transport.request({ method: 'GET', path: '/orders' }),
  'refunds.create': (c) => c.refunds.create(refundParams),
  'request POST /refunds': () =>
    transport.request({ method: 'POST', path: '/refunds', body: refundParams }),
}
const clients = { after: smartpay, ...(before && { before }) }
const runs = {}
for (const [name, call] of Object.entries(sides)) {
  for (const [which, client] of Object.entries(clients)) {
    if (which === 'before' && name.startsWith('request')) continue
    runs[which === 'after' ? name : `${name} (before)`] = async () => {
      for (let i = 0; i < N; i++) await call(client)
    }
  }
}

async function cpu(fn) {
  const start = process.cpuUsage()
  await fn()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

for (const fn of Object.values(runs)) await fn() // warm-up: JIT
const results = Object.fromEntries(Object.keys(runs).map((name) => [name, []]))
const names = Object.keys(runs)
for (let run = 0; run < RUNS; run++) {
  // Rotate the order so no side always runs on a warmer process.
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + run) % names.length]
    results[name].push(await cpu(runs[name]))
  }
}
const us = (name) => (median(results[name]) / N) * 1000
const how = MODE === 'stub' ? 'on a transport that answers at once' : 'fetch answers from memory'
console.log(`${N} calls, median of ${RUNS} runs, CPU µs/call (${how})`)
for (const name of names) console.log(`${name.padEnd(34)} ${us(name).toFixed(1).padStart(7)}`)
const pairs = [
  ['orders.retrieve', 'request GET /orders/{id}'],
  ['orders.list', 'request GET /orders'],
  ['refunds.create', 'request POST /refunds'],
]
for (const [method, request] of pairs) {
  const extra = (name) => (us(name) - us(request)).toFixed(1)
  const was = before ? `, before ${extra(`${method} (before)`)}` : ''
  console.log(`method layer, ${method}: ${extra(method)} µs/call${was}`)
}
