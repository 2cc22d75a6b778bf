#!/usr/bin/env node
// The checkout demo. With no flag it walks a shopper through the whole payment lifecycle in
// headless Chromium and exits 0 only if every step checked out. `--interactive` starts the
// same shop and waits for you to click through it yourself.
import { runDemo } from './demo.mjs'
import { runInteractive } from './interactive.mjs'

const USAGE = `Usage: node examples/checkout/run.mjs [--interactive]

  (no flag)      run the whole payment lifecycle in headless Chromium, checking every step
  --interactive  start the sandbox and the shop, print the shop's URL, wait for Ctrl-C`

const [flag, ...rest] = process.argv.slice(2)
if (flag === '--help' || flag === '-h') {
  console.log(USAGE)
} else if (rest.length > 0 || (flag !== undefined && flag !== '--interactive')) {
  console.error(USAGE)
  process.exitCode = 2
} else if (flag === '--interactive') {
  await runInteractive()
} else {
  const started = performance.now()
  try {
    await runDemo()
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    console.log(`\nThe whole lifecycle checked out in ${seconds} s.`)
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : error}`)
    process.exitCode = 1
  }
}
