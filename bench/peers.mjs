#!/usr/bin/env node
// Per-call cost of this client against its peers, side by side in one process: stripe-node (its
// node:https client and its fetch client), openai, @smartpay/sdk-node 0.9.1, ky alone, bare
// fetch and @smartpay-kit/server-client, each fetching the same 1.2 kB order from a local server
// on 127.0.0.1, over HTTPS and over HTTP, in interleaved rounds. Then a burst of 1,000 concurrent
// GETs per client, on a cold and on a warm connection pool.
// Usage: node bench/peers.mjs [requests=300] [rounds=9] [burst=1000] [all|sequential|burst] [only]
// (after `pnpm build`). `only`: run just the sides whose name contains it (say `server-client`).
// CPU is this process's user+system time per call (server included: the same for every side),
// which other processes on a busy machine disturb far less than wall time.
import os from 'node:os'
import { ORDER, serve } from './local.mjs'
import { clients } from './sides.mjs'

const N = Number(process.argv[2] ?? 300)
const ROUNDS = Number(process.argv[3] ?? 9)
const BURST = Number(process.argv[4] ?? 1000)
const PARTS = process.argv[5] ?? 'all'
const ONLY = process.argv[6] ?? ''
const body = JSON.stringify(ORDER)

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const pct = (xs, p) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]

async function sequential(kind) {
  const server = await serve(kind, body)
  const { sides, close } = clients(kind, server.origin)
  // Bare fetch always runs: every figure is also given as a multiple of it.
  const names = Object.keys(sides).filter((name) => name === 'bare fetch' || name.includes(ONLY))
  for (const name of names) for (let i = 0; i < 50; i++) await sides[name]() // warm-up
  const cpu = Object.fromEntries(names.map((n) => [n, []]))
  const wall = Object.fromEntries(names.map((n) => [n, []]))
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      // Rotate the order so no side always runs on a warmer process.
      const name = names[(i + round) % names.length]
      const fn = sides[name]
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      for (let j = 0; j < N; j++) await fn()
      const used = process.cpuUsage(c0)
      wall[name].push(((performance.now() - t0) / N) * 1000)
      cpu[name].push((used.user + used.system) / N)
    }
  }
  await close()
  server.close()
  const bare = { cpu: median(cpu['bare fetch']), wall: median(wall['bare fetch']) }
  console.log(
    `\n${kind.toUpperCase()}: ${N} sequential GETs per side per round, median of ${ROUNDS} rounds`,
  )
  console.log('| client | CPU µs/call | × bare fetch | wall µs/call | × bare fetch |')
  console.log('|---|---:|---:|---:|---:|')
  for (const name of names) {
    const c = median(cpu[name])
    const w = median(wall[name])
    console.log(
      `| ${name} | ${c.toFixed(0)} | ${(c / bare.cpu).toFixed(2)}× | ${w.toFixed(0)} | ${(w / bare.wall).toFixed(2)}× |`,
    )
  }
}

async function burst(kind) {
  console.log(
    `\n${kind.toUpperCase()}: ${BURST} concurrent GETs, a fresh client (cold pool), then again (warm)`,
  )
  console.log(
    '| client | cold p50 ms | cold p99 ms | cold connections | cold failed | warm p50 ms | warm p99 ms | warm connections | warm failed |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  const names = Object.keys(clients(kind, `${kind}://127.0.0.1:1`).sides).filter((name) =>
    name.includes(ONLY),
  )
  for (const name of names) {
    const server = await serve(kind, body)
    const { sides, close } = clients(kind, server.origin)
    const row = []
    for (const pass of ['cold', 'warm']) {
      const before = server.connections
      let failed = 0
      const times = await Promise.all(
        Array.from({ length: BURST }, async () => {
          const t0 = performance.now()
          // A client that gives up (say, a connect timeout on a busy machine) is counted, not fatal.
          await sides[name]().catch(() => failed++)
          return performance.now() - t0
        }),
      )
      row.push(
        pct(times, 0.5).toFixed(0),
        pct(times, 0.99).toFixed(0),
        server.connections - before,
        failed,
      )
      void pass
    }
    console.log(`| ${name} | ${row.join(' | ')} |`)
    await close()
    server.close()
  }
}

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}, load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
)
if (PARTS !== 'burst') for (const kind of ['https', 'http']) await sequential(kind)
if (PARTS !== 'sequential') for (const kind of ['https', 'http']) await burst(kind)
