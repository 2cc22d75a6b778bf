import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumerRoot, type Outcome, project, run } from './helpers.js'

// A framework-like server app from the tarballs, its client made at module level, built in CI
// without the secret: Vite's server build (the `node` condition), then the step Next.js calls
// "Collecting page data" and SvelteKit "prerender", which imports every route module and so
// runs each module-level statement. The build must pass; the route fails at run time only.

type Sandbox = { apiUrl: string; ca: string; stop(): Promise<void> }
type SandboxModule = { startSandbox(): Promise<Sandbox>; DEFAULT_KEYS: { secret: string } }

/** What CI has when the secret is not configured: the variables unset or empty. */
const NO_SECRET = { SMARTPAY_SECRET_KEY: '', SMARTPAY_API_PREFIX: '' }
const node22 = ['-y', 'node@22'] as const
const vite = () => join(consumerRoot(), 'node_modules/vite/bin/vite.js')

let sandbox: Sandbox | undefined
let secret = ''
let caFile = ''
let dir = ''
let build: Outcome

beforeAll(async () => {
  const installed = createRequire(join(consumerRoot(), 'package.json'))
  const entry = installed.resolve('@smartpay-kit/sandbox')
  const { startSandbox, DEFAULT_KEYS } = (await import(pathToFileURL(entry).href)) as SandboxModule
  sandbox = await startSandbox()
  secret = DEFAULT_KEYS.secret
  caFile = join(consumerRoot(), 'ssr-sandbox-ca.pem')
  writeFileSync(caFile, sandbox.ca)
  dir = project('ssr-build')
  // The server build once; each test runs a step of it, or the built route, on its own.
  build = await run(process.execPath, [vite(), 'build'], { cwd: dir, env: NO_SECRET })
})
afterAll(() => sandbox?.stop())

/** The route's answer to one request, run as the built server would at run time. */
async function request(env: Record<string, string>) {
  expect(build.code, build.stderr).toBe(0)
  const result = await run('npx', [...node22, 'request.mjs'], { cwd: dir, env })
  expect(result.code, result.stderr).toBe(0)
  return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}')
}

describe('a server build with a module-level createServerClient(), without the secret', () => {
  it('builds and prerenders its pages with no SMARTPAY_SECRET_KEY', async () => {
    expect(build.code, build.stderr).toBe(0)
    const out = join(dir, 'dist/index.html')
    const prerender = await run('npx', [...node22, 'prerender.mjs', 'dist/server/server.js', out], {
      cwd: dir,
      env: NO_SECRET,
    })
    expect(prerender.stderr).not.toMatch(/Error/)
    expect(prerender.code).toBe(0)
    expect(readFileSync(out, 'utf8')).toContain('Pay with Smartpay (function)')
  })

  it('fails at its first call instead, with InvalidKeyError naming SMARTPAY_SECRET_KEY', async () => {
    const answer = await request(NO_SECRET)
    expect(answer).toMatchObject({ error: 'InvalidKeyError', rule: 'no key was given' })
    expect(answer.message).toMatch(/^No secret key: SMARTPAY_SECRET_KEY is not set/)
  })

  it('serves the route once the environment has the key, at SMARTPAY_API_PREFIX', async () => {
    const answer = await request({
      SMARTPAY_SECRET_KEY: secret,
      SMARTPAY_API_PREFIX: sandbox?.apiUrl ?? '',
      NODE_EXTRA_CA_CERTS: caFile,
    })
    expect(answer.status).toBe(303)
    expect(answer.location).toMatch(
      new RegExp(`^${new URL(sandbox?.apiUrl ?? '').origin}/checkout/checkout_test_`),
    )
  })

  it('(control) fails the same build step when the key is parsed at import, naming the variable', async () => {
    const eager = await run(
      process.execPath,
      [vite(), 'build', '--ssr', 'src/serverEager.js', '--outDir', 'dist/eager'],
      { cwd: dir, env: NO_SECRET },
    )
    expect(eager.code, eager.stderr).toBe(0)
    const out = join(dir, 'dist/eager.html')
    const prerender = await run(
      'npx',
      [...node22, 'prerender.mjs', 'dist/eager/serverEager.js', out],
      {
        cwd: dir,
        env: NO_SECRET,
      },
    )
    expect(prerender.code).not.toBe(0)
    expect(prerender.stderr).toContain('InvalidKeyError')
    expect(prerender.stderr).toContain('Is SMARTPAY_SECRET_KEY set?')
  })
})
