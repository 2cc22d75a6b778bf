#!/usr/bin/env node
// Import time of each package entry in a fresh Node process.
// Usage: node bench/cold-import.mjs [runs=15]   (needs `pnpm build` first)
//
// Node initialises its built-in fetch (undici) lazily, on first use of Request or Response,
// and ky touches them at import. So each entry is measured twice: cold, and with fetch's
// objects already made ("fetch ready"), which is the packages' own cost in a process that
// uses fetch anyway.
import { execFileSync } from 'node:child_process'
import os from 'node:os'

const RUNS = Number(process.argv[2] ?? 15)
const entries = [
  'ky',
  'valibot',
  '@smartpay-kit/core',
  '@smartpay-kit/server-client',
  '@smartpay-kit/server-client/webhooks',
  '@smartpay-kit/public-client',
]
const WARM =
  "new Response('').body;new Request('https://x.test',{method:'POST',body:new ReadableStream(),duplex:'half'});"

/** Milliseconds one fresh process spends importing `specifier` (measured inside it). */
function importTime(specifier, warm) {
  const code = `${warm ? WARM : ''}const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: import.meta.dirname,
    }),
  )
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (n) => `${n.toFixed(1)} ms`

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; median of ${RUNS} fresh processes`,
)
console.log(`${'entry'.padEnd(38)} ${'cold'.padStart(9)} ${'fetch ready'.padStart(12)}`)
for (const entry of entries) {
  importTime(entry, false) // warm the file system cache
  const cold = median(Array.from({ length: RUNS }, () => importTime(entry, false)))
  const ready = median(Array.from({ length: RUNS }, () => importTime(entry, true)))
  console.log(`${entry.padEnd(38)} ${ms(cold).padStart(9)} ${ms(ready).padStart(12)}`)
}
