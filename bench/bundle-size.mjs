#!/usr/bin/env node
// Minified and gzip size of each entry point, bundled with its dependencies by Vite 8
// (production, minified), as an app that imports the whole entry would ship it.
// Usage: node bench/bundle-size.mjs   (needs `pnpm build` first)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build } from 'vite'

const cases = [
  {
    name: 'core (everything)',
    code: "export * from '@smartpay-kit/core'",
    conditions: ['browser'],
  },
  {
    name: 'public-client (everything)',
    code: "export * from '@smartpay-kit/public-client'",
    conditions: ['browser'],
  },
  {
    name: 'public-client: redirect only',
    code: "import { redirectToCheckout } from '@smartpay-kit/public-client'\nredirectToCheckout(location.hash.slice(1))",
    conditions: ['browser'],
  },
  {
    name: 'server-client (everything, Workers)',
    code: "export * from '@smartpay-kit/server-client'",
    conditions: ['workerd', 'worker', 'browser'],
  },
  {
    name: 'server-client/webhooks (Workers)',
    code: "export * from '@smartpay-kit/server-client/webhooks'",
    conditions: ['workerd', 'worker', 'browser'],
  },
]

const dir = mkdtempSync(join(import.meta.dirname, '.size-'))
try {
  console.log(`${'entry'.padEnd(38)} ${'min'.padStart(9)} ${'gzip -9'.padStart(9)}`)
  for (const [i, { name, code, conditions }] of cases.entries()) {
    const entry = join(dir, `entry${i}.js`)
    writeFileSync(entry, `${code}\n`)
    const outDir = join(dir, `out${i}`)
    mkdirSync(outDir)
    await build({
      configFile: false,
      logLevel: 'silent',
      root: import.meta.dirname,
      resolve: { conditions },
      build: {
        outDir,
        minify: true,
        lib: { entry, formats: ['es'], fileName: 'bundle' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    })
    const file = readdirSync(outDir).find((f) => f.endsWith('.js'))
    const bytes = readFileSync(join(outDir, file))
    const gz = gzipSync(bytes, { level: 9 }).length
    console.log(`${name.padEnd(38)} ${`${bytes.length} B`.padStart(9)} ${`${gz} B`.padStart(9)}`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
