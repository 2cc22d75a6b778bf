// @vitest-environment node
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { smartpayFirewall } from '@smartpay-kit/firewall/vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../../tests/support/buildApp.js'
import { type FixtureInstall, installFixtures } from '../../../tests/support/installedFixtures.js'
import { bytesBySource } from './helpers/bundleSources.js'

/**
 * Size budgets, gzip -9 of the minified JS a production build ships (README, Size), in bytes.
 * The checkout page reads through core's fetch attempt, not ky (about 7 kB gzip alone).
 */
const BUDGET = { redirectOnly: 600, checkoutPage: 6_000 }

let install: FixtureInstall
beforeAll(() => {
  install = installFixtures(['redirect-only', 'checkout-page'], ['core', 'public-client'])
  writeFileSync(
    join(install.app('checkout-page'), '.env'),
    'VITE_SMARTPAY_PUBLIC_KEY=pk_test_PCLEGPw9RrKIAlRcK504Bj\n',
  )
})
afterAll(() => install?.remove())

async function measure(app: string) {
  const { output } = await buildApp(install.app(app), { plugins: [smartpayFirewall()] })
  const chunks = output.filter((file) => file.type === 'chunk')
  const code = chunks.map((chunk) => chunk.code).join('\n')
  const sources = new Map<string, number>()
  for (const chunk of chunks) {
    for (const [name, bytes] of bytesBySource(chunk)) {
      sources.set(name, (sources.get(name) ?? 0) + bytes)
    }
  }
  const gzip = gzipSync(code, { level: 9 }).length
  const breakdown = [...sources].map(([name, bytes]) => `${name} ${bytes} B`).join(', ')
  return {
    gzip,
    min: code.length,
    sources,
    summary: `${gzip} B gzip (${code.length} B min: ${breakdown})`,
  }
}

describe('bundle size of a production build', () => {
  it('ships no ky and no valibot code for an app that only redirects', async ({ annotate }) => {
    const size = await measure('redirect-only')
    await annotate(`redirect only: ${size.summary}`)
    expect([...size.sources.keys()], size.summary).not.toContain('ky')
    expect([...size.sources.keys()], size.summary).not.toContain('valibot')
    expect(size.sources.get('@smartpay-kit/public-client') ?? 0).toBeGreaterThan(0)
  })

  it(`keeps the redirect-only app within ${BUDGET.redirectOnly} B gzip`, async ({ annotate }) => {
    const size = await measure('redirect-only')
    await annotate(`redirect only: ${size.summary}`)
    expect(size.gzip, size.summary).toBeLessThanOrEqual(BUDGET.redirectOnly)
  })

  it('ships no regex lookbehind, which Safari before 16.4 cannot parse', async () => {
    for (const app of ['redirect-only', 'checkout-page']) {
      const { output } = await buildApp(install.app(app), { plugins: [smartpayFirewall()] })
      for (const chunk of output) {
        if (chunk.type === 'chunk')
          expect(chunk.code, `${app}: ${chunk.fileName}`).not.toMatch(/\(\?<[=!]/)
      }
    }
  })

  it(`keeps a checkout page with checkoutSessions.retrieve within ${BUDGET.checkoutPage} B gzip`, async ({
    annotate,
  }) => {
    const size = await measure('checkout-page')
    await annotate(`checkout page: ${size.summary}`)
    expect([...size.sources.keys()], 'the page reads through fetch itself').not.toContain('ky')
    expect(size.sources.get('@smartpay-kit/core') ?? 0, size.summary).toBeGreaterThan(0)
    expect(size.gzip, size.summary).toBeLessThanOrEqual(BUDGET.checkoutPage)
  })
})
