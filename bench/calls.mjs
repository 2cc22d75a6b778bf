#!/usr/bin/env node
// One client's sequential calls in a fresh process of their own, for comparisons that a busy
// machine cannot decide: instructions per call counted by valgrind (the same under any load),
// or whole processes timed pair by pair.
//
// Usage:
//   node bench/calls.mjs <side> [calls=2000] [https|http|memory]
//     runs <side>'s calls after a warm-up and prints its CPU time per call;
//   node bench/calls.mjs --instructions <calls> <https|http|memory> <side> [<side>…]
//     runs each side twice under `valgrind --tool=callgrind` (warm-up, then `calls` and then
//     twice `calls` calls) and prints the instructions of one call: the difference of the two
//     runs over `calls`, so start-up, imports and warm-up cancel out.
// <side>: a client of bench/sides.mjs by (part of) its name (`server-client`, `sdk-node`,
// `bare fetch`, `ky alone`, `openai`, `stripe (fetch)`…), or `core` (core's request() on the same
// order), or a path to another build of core's dist/index.js (an A/B of the transport).
// `memory`, for core only: a `fetch` that answers from memory, so only the client's code runs.
// Each process is the client and the local server; the server's share is the same for every side.
import { spawnSync } from 'node:child_process'
import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { ORDER, ORDER_ID, SECRET, serve, trustingFetch } from './local.mjs'

const WARM_UP = 200

if (process.argv[2] === '--instructions') {
  const [calls = '1000', kind = 'http', ...sides] = process.argv.slice(3)
  const n = Number(calls)
  const count = (side, times) => {
    const run = spawnSync(
      'valgrind',
      [
        '--tool=callgrind',
        '--callgrind-out-file=/dev/null',
        // V8 writes and rewrites machine code on its heap.
        '--smc-check=all-non-file',
        process.execPath,
        fileURLToPath(import.meta.url),
        side,
        String(times),
        kind,
      ],
      { encoding: 'utf8' },
    )
    const collected = /Collected : (\d+)/.exec(run.stderr)
    if (!collected) throw new Error(`valgrind gave no count for ${side}:\n${run.stderr}`)
    return Number(collected[1])
  }
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}`,
  )
  console.log(`${kind.toUpperCase()}: instructions per call, (${2 * n} calls − ${n} calls) / ${n}`)
  console.log('| side | instructions per call |')
  console.log('|---|---:|')
  for (const side of sides) {
    const perCall = (count(side, 2 * n) - count(side, n)) / n
    console.log(`| ${side} | ${Math.round(perCall).toLocaleString('en')} |`)
  }
} else {
  const [side = 'server-client', calls = '2000', kind = 'https'] = process.argv.slice(2)
  const server =
    kind === 'memory'
      ? { origin: 'https://api.example', close() {} }
      : await serve(kind, JSON.stringify(ORDER))
  const call = await sideCall(side, kind, server.origin)
  for (let i = 0; i < WARM_UP; i++) await call.fn()
  const cpu = process.cpuUsage()
  for (let i = 0; i < Number(calls); i++) await call.fn()
  const used = process.cpuUsage(cpu)
  console.log(`${side}: ${((used.user + used.system) / Number(calls)).toFixed(1)} µs CPU per call`)
  await call.close()
  server.close()
}

/** The call of one side, and how to close its connection pool. */
async function sideCall(side, kind, origin) {
  const base = `${origin}/v1`
  if (side === 'core' || side.endsWith('.js')) {
    const { createTransport } =
      side === 'core'
        ? await import('@smartpay-kit/core')
        : await import(new URL(side, `file://${process.cwd()}/`).href)
    const body = JSON.stringify(ORDER)
    const headers = { 'content-type': 'application/json', 'request-id': 'req_bench' }
    const { fetch, close } =
      kind === 'memory'
        ? { fetch: async () => new Response(body, { headers }), close() {} }
        : trustingFetch()
    const api = createTransport(SECRET, 'basic', {
      baseUrl: base,
      fetch,
      ...(kind === 'http' && { dangerouslyAllowInsecureLoopback: true }),
    })
    const path = `/orders/${ORDER_ID}`
    return { fn: () => api.request({ method: 'GET', path }), close }
  }
  // Imported only here: the peers' modules are no part of a core-only process.
  const { clients } = await import('./sides.mjs')
  const { sides, close } = clients(kind, origin)
  const name = Object.keys(sides).find((each) => each.includes(side))
  if (!name) throw new Error(`No side named like ${side}: ${Object.keys(sides).join(', ')}`)
  return { fn: sides[name], close }
}
