#!/usr/bin/env node
// Request overhead of core's request() against bare fetch, same local HTTPS server, same process.
// Usage: node bench/request-overhead.mjs [requests=2000] [runs=5] [tiny|order] [before.js]
// (needs `pnpm build` first). `order` answers with an order as the API returns one (~1.2 kB);
// `tiny` (the default) with a 70-byte object, the harshest case for client overhead.
// `before.js`: another build of core (say, main's dist/index.js, copied beside a node_modules
// that has ky) measured in the same run, interleaved. On a busy machine that A/B leans: the same
// build on both sides differed by 86 µs a call once; `bench/calls.mjs` pairs processes instead.
import os from 'node:os'
import { createTransport } from '@smartpay-kit/core'
import { AUTH, kyAlone, ORDER, ORDER_ID, SECRET, serve, TINY, trustingFetch } from './local.mjs'

const N = Number(process.argv[2] ?? 2000)
const BEFORE = process.argv[5]
const RUNS = Number(process.argv[3] ?? 5)
const PAYLOAD = process.argv[4] ?? 'tiny'
const body = JSON.stringify(PAYLOAD === 'order' ? ORDER : TINY)
const server = await serve('https', body)
const base = `${server.origin}/v1`
const path = `/orders/${ORDER_ID}`

// Both sides share one keep-alive agent, so only the client code differs.
const { fetch: trusted, close } = trustingFetch()
const api = createTransport(SECRET, 'basic', {
  baseUrl: base,
  fetch: trusted,
})
const before =
  BEFORE &&
  (await import(new URL(BEFORE, `file://${process.cwd()}/`).href)).createTransport(
    SECRET,
    'basic',
    {
      baseUrl: base,
      fetch: trusted,
    },
  )

async function bare() {
  for (let i = 0; i < N; i++) {
    const res = await trusted(`${base}${path}`, {
      headers: { authorization: AUTH, accept: 'application/json' },
    })
    await res.json()
  }
}
// ky configured as core configured it before it ran its own retries, without core: shows how
// much of the overhead is ky's own per-call work and how much is core's.
const kyOnlyClient = kyAlone(base, trusted)
async function kyOnly() {
  for (let i = 0; i < N; i++) {
    const pending = kyOnlyClient(path.slice(1))
    await pending
    JSON.parse(await pending.text())
  }
}
async function core() {
  for (let i = 0; i < N; i++) await api.request({ method: 'GET', path })
}
async function coreBefore() {
  for (let i = 0; i < N; i++) await before.request({ method: 'GET', path })
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
await close()
