import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The resources are built from one operation table, one table per resource: a bundle that
// imports one resource's factory must still ship only that resource.

const entry = fileURLToPath(new URL('../src/index.ts', import.meta.url))
let dir: string

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'smartpay-shake-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** A production build of a module exporting `names` from the server client: its code. */
async function bundle(names: string[]): Promise<string> {
  const file = join(dir, `${names.join('-')}.js`)
  writeFileSync(file, `export { ${names.join(', ')} } from ${JSON.stringify(entry)}\n`)
  const result = await build({
    configFile: false,
    logLevel: 'error',
    // Core from source too, as the tests import it; `node` as a server bundle resolves it.
    resolve: { conditions: ['@smartpay-kit/source', 'node', 'module', 'production'] },
    build: {
      write: false,
      minify: true,
      lib: { entry: file, formats: ['es'], fileName: 'out' },
      rolldownOptions: { external: ['ky'] },
    },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  return outputs
    .flatMap((o) => o.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n')
}

// A path of each resource's table, as it appears in the built code.
const PATHS = {
  checkoutSessionsResource: '/checkout-sessions',
  ordersResource: '/orders/{order}/cancellation',
  paymentsResource: '/payments/{payment}',
  refundsResource: '/refunds/{refund}',
  webhookEndpointsResource: '/webhook-endpoints',
  couponsResource: '/coupons/{coupon}',
  promotionCodesResource: '/promotion-codes',
  tokensResource: '/tokens/{token}/enable',
} as const

describe('a bundle that imports one resource factory', () => {
  it('ships that resource’s operations and no other’s', async () => {
    const code = await bundle(['couponsResource', 'createServerTransport'])
    expect(code).toContain(PATHS.couponsResource)
    for (const [factory, path] of Object.entries(PATHS)) {
      if (factory !== 'couponsResource') expect(code, factory).not.toContain(path)
    }
    // The checkout amount hook and its schemas stay out too.
    expect(code).not.toContain('discounts exceed the total')
  }, 120_000)

  it('is smaller than one with every resource by more than 1 kB gzip', async () => {
    // Most of either is the transport; the other seven resources' schemas are the difference.
    const one = gzipSync(await bundle(['couponsResource', 'createServerTransport'])).length
    const all = gzipSync(await bundle(['createServerClient'])).length
    expect(one + 1_000, `one resource ${one} B, all ${all} B`).toBeLessThan(all)
  }, 120_000)
})
