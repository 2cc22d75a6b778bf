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
  // All eight factories live in one module, beside each other's interfaces: each must still
  // come alone.
  it.each(Object.keys(PATHS))(
    'ships %s’s operations and no other’s',
    async (name) => {
      const code = await bundle([name, 'createServerTransport'])
      expect(code).toContain(PATHS[name as keyof typeof PATHS])
      for (const [factory, path] of Object.entries(PATHS)) {
        if (factory !== name) expect(code, factory).not.toContain(path)
      }
      // The checkout amount hook and its schemas come with checkout sessions only.
      const hook = 'discounts exceed the total'
      if (name === 'checkoutSessionsResource') expect(code).toContain(hook)
      else expect(code).not.toContain(hook)
    },
    120_000,
  )

  it('is smaller than one with every resource by more than 1 kB gzip', async () => {
    // Most of either is the transport; the other seven resources' schemas are the difference.
    const one = gzipSync(await bundle(['couponsResource', 'createServerTransport'])).length
    const all = gzipSync(await bundle(['createServerClient'])).length
    expect(one + 1_000, `one resource ${one} B, all ${all} B`).toBeLessThan(all)
  }, 120_000)
})
