#!/usr/bin/env node
// Cold import time of each package entry in a fresh Node process, minus an empty process.
// Usage: node bench/cold-import.mjs [runs=15]   (needs `pnpm build` first)
import { execFileSync } from 'node:child_process'
import os from 'node:os'

const RUNS = Number(process.argv[2] ?? 15)
const entries = [
  '@smartpay-kit/core',
  '@smartpay-kit/server-client',
  '@smartpay-kit/server-client/webhooks',
  '@smartpay-kit/public-client',
]

/** Milliseconds one fresh process spends importing `specifier` (measured inside it). */
function importTime(specifier) {
  const code = `const t=performance.now();await import(${JSON.stringify(specifier)});process.stdout.write(String(performance.now()-t))`
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', code], {
      cwd: import.meta.dirname,
    }),
  )
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, Node ${process.version}; median of ${RUNS} fresh processes`,
)
for (const entry of entries) {
  importTime(entry) // warm the file system cache
  const times = Array.from({ length: RUNS }, () => importTime(entry))
  console.log(`${entry.padEnd(38)} ${median(times).toFixed(1)} ms`)
}
