import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumerRoot, project, run } from './helpers.js'

// Node apps of a user, ESM and CommonJS, on the supported floor (Node 22), each making a call
// against the sandbox. The sandbox too is the one from its tarball.

type Sandbox = {
  apiUrl: string
  ca: string
  stop(): Promise<void>
  objects(kind: string): { reference?: string }[]
}
type SandboxModule = {
  startSandbox(): Promise<Sandbox>
  DEFAULT_KEYS: { secret: string }
}

let sandbox: Sandbox | undefined
let env: Record<string, string> = {}

beforeAll(async () => {
  const installed = createRequire(join(consumerRoot(), 'package.json'))
  const entry = installed.resolve('@smartpay-kit/sandbox')
  const { startSandbox, DEFAULT_KEYS } = (await import(pathToFileURL(entry).href)) as SandboxModule
  sandbox = await startSandbox()
  const caFile = join(consumerRoot(), 'sandbox-ca.pem')
  writeFileSync(caFile, sandbox.ca)
  env = {
    NODE_EXTRA_CA_CERTS: caFile,
    SMARTPAY_SECRET_KEY: DEFAULT_KEYS.secret,
    SMARTPAY_BASE_URL: sandbox.apiUrl,
  }
})
afterAll(() => sandbox?.stop())

/** Node 22, the packages' floor, from the registry (as the runtime matrix gets it). */
const node22 = ['-y', 'node@22'] as const

describe('a Node app installed from the tarballs', () => {
  it('as ESM, creates a checkout session on the sandbox', async () => {
    const dir = project('esm')
    const result = await run('npx', [...node22, 'main.mjs'], { cwd: dir, env })
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.code).toBe(0)
    const out = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}')
    expect(out).toMatchObject({ amount: 2400, verifyWebhook: 'function' })
    expect(out.id).toMatch(/^checkout_test_/)
    expect(out.checkoutUrl).toContain(out.id)
    expect(sandbox?.objects('checkoutSession').map((s) => s.reference)).toContain('CONSUMER-ESM')
  })

  it('as CommonJS, require()s the ESM-only packages and makes a call', async () => {
    const dir = project('cjs')
    const result = await run('npx', [...node22, 'main.cjs'], { cwd: dir, env })
    expect(result.stderr).not.toMatch(/Error/)
    expect(result.code).toBe(0)
    const out = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}')
    expect(out).toMatchObject({ verifyWebhook: 'function', createPublicClient: 'function' })
    expect(out.id).toMatch(/^coupon_test_/)
  })

  it('runs the sandbox CLI from its bin', async () => {
    const result = await run(
      join(consumerRoot(), 'node_modules/.bin/smartpay-sandbox'),
      ['--help'],
      {
        cwd: consumerRoot(),
      },
    )
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/Usage: smartpay-sandbox/)
  })
})
