#!/usr/bin/env node
// What one client costs to make and to hold, against its peers, in one process: the heap a built
// client keeps alive and the CPU its constructor takes, for @smartpay-kit/server-client, openai,
// stripe and @smartpay/sdk-node 0.9.1. Platforms that make a client per merchant or per request
// (Workers) pay both every time.
// Usage: node bench/client-build.mjs [clients=2000] [rounds=9] [before/index.js]
// (after `pnpm build`). `before/index.js`: another build of server-client measured in the same
// run (main's dist/index.js and dist/chunks/ copied to bench/node_modules/.before/, so that it
// resolves core and valibot from bench/node_modules).
// Heap: `clients` clients kept in an array, the heap measured after a full GC before and after,
// divided by the count (the median of `rounds`). "5 methods used" also reads five methods of
// the server client (whose resources are made on first use), "all 34" every one. CPU: this process's user+system time per
// constructor call, median of interleaved rounds, a GC before each so that no side pays for
// another's garbage.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import Smartpay from '@smartpay/sdk-node'
import * as client from '@smartpay-kit/server-client'
import OpenAI from 'openai'
import Stripe from 'stripe'
import { SECRET } from './local.mjs'

const N = Number(process.argv[2] ?? 2000)
const ROUNDS = Number(process.argv[3] ?? 9)
const BEFORE = process.argv[4]

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

const options = { secretKey: SECRET }
/** Reads five methods, as an app that creates a session, reads it, captures and refunds does. */
const use = (c) => [
  c.checkoutSessions.create,
  c.checkoutSessions.retrieve,
  c.orders.retrieve,
  c.payments.create,
  c.refunds.create,
]
const RESOURCES = ['checkoutSessions', 'orders', 'payments', 'refunds', 'webhookEndpoints']
RESOURCES.push('coupons', 'promotionCodes', 'tokens')
/** Reads every method of every resource. */
const useAll = (c) => RESOURCES.map((name) => Object.values(c[name]))
const before = BEFORE && (await import(new URL(BEFORE, `file://${process.cwd()}/`).href))
const sides = {
  '@smartpay-kit/server-client': () => client.createServerClient(options),
  '… 5 methods used': () => {
    const c = client.createServerClient(options)
    use(c)
    return c
  },
  '… all 34 methods used': () => {
    const c = client.createServerClient(options)
    useAll(c)
    return c
  },
  '… its transport alone': () => client.createServerTransport(options),
  ...(before && {
    'server-client before': () => before.createServerClient(options),
    '… before, 5 methods used': () => {
      const c = before.createServerClient(options)
      use(c)
      return c
    },
  }),
  openai: () => new OpenAI({ apiKey: 'sk-bench' }),
  stripe: () => new Stripe(SECRET),
  '@smartpay/sdk-node 0.9.1': () => new Smartpay(SECRET),
}

/** Bytes of heap one client holds. */
function heap(make) {
  const keep = []
  gc()
  gc()
  const start = process.memoryUsage().heapUsed
  for (let i = 0; i < N; i++) keep.push(make())
  gc()
  gc()
  const bytes = (process.memoryUsage().heapUsed - start) / N
  keep.length = 0
  return bytes
}

/** CPU µs one construction takes (the constructed clients are dropped at once). */
function cpu(make) {
  gc()
  const start = process.cpuUsage()
  for (let i = 0; i < N; i++) make()
  const used = process.cpuUsage(start)
  return (used.user + used.system) / N
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const names = Object.keys(sides)
for (const make of Object.values(sides)) for (let i = 0; i < N; i++) make() // warm-up: JIT
const results = Object.fromEntries(names.map((name) => [name, { heap: [], cpu: [] }]))
for (let round = 0; round < ROUNDS; round++) {
  // Rotate the order so that no side always runs on a warmer process.
  for (let i = 0; i < names.length; i++) {
    const name = names[(i + round) % names.length]
    results[name].heap.push(heap(sides[name]))
    results[name].cpu.push(cpu(sides[name]))
  }
}

console.log(
  `Node ${process.version}, ${N} clients a round, median of ${ROUNDS} rounds (heap after a full GC; CPU per constructor call)`,
)
console.log(`${'client'.padEnd(30)} ${'heap B'.padStart(8)} ${'CPU µs'.padStart(8)}`)
for (const name of names) {
  const { heap, cpu } = results[name]
  console.log(
    `${name.padEnd(30)} ${median(heap).toFixed(0).padStart(8)} ${median(cpu).toFixed(2).padStart(8)}`,
  )
}
