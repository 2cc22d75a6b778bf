import { type ChildProcess, spawn } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type Outcome, project, run } from './helpers.js'

// A Next.js 16 app from the tarballs, its client and its webhook handler made at module level,
// built as CI builds it: without SMARTPAY_SECRET_KEY and SMARTPAY_WEBHOOK_SECRET. "Collecting
// page data" evaluates every route module; the build must pass, and the deployed server must
// still refuse to run without the secrets, at the first request, naming what to set.

const NEXT = { next: '16.5.0', react: '19.3.1', 'react-dom': '19.3.1' }
const NO_SECRETS = {
  SMARTPAY_SECRET_KEY: '',
  SMARTPAY_WEBHOOK_SECRET: '',
  NEXT_TELEMETRY_DISABLED: '1',
}

let dir = ''
let node = ''
let build: Outcome
let server: ChildProcess | undefined

beforeAll(async () => {
  dir = project('next-build')
  const tarballs = inject('tarballDir')
  const packed = readdirSync(tarballs)
    .filter((file) => /^smartpay-kit-(core|server-client)-.*\.tgz$/.test(file))
    .map((file) => join(tarballs, file))
  const versions = Object.entries(NEXT).map(([name, version]) => `${name}@${version}`)
  const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']
  const installed = await run('npm', ['install', ...flags, ...versions, ...packed], { cwd: dir })
  expect(installed.code, installed.stderr).toBe(0)
  // Next.js 16 needs Node 20.9+; the packages need 22.12+: Node 24, as the frameworks run.
  node = (await run('npx', ['-y', 'node@24', '-p', 'process.execPath'], { cwd: dir })).stdout.trim()
  build = await run(node, ['node_modules/next/dist/bin/next', 'build'], {
    cwd: dir,
    env: NO_SECRETS,
  })
})
afterAll(() => {
  server?.kill()
})

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as { port: number }
  await new Promise((resolve) => probe.close(resolve))
  return port
}

describe('next build of an app whose client and webhook handler are made at module level', () => {
  it('passes without the secrets, though it evaluates the webhook route module', () => {
    expect(build.code, `${build.stdout}\n${build.stderr}`).toBe(0)
    const output = `${build.stdout}\n${build.stderr}`
    expect(output).toContain('Collecting page data')
    expect(output).toContain('webhook route evaluated, NEXT_PHASE=phase-production-build')
    expect(output).toMatch(/ƒ \/api\/webhooks\/smartpay/)
  })

  it('then, served without the secrets, fails each route at its first request, naming the variable', async () => {
    expect(build.code, build.stderr).toBe(0)
    const port = await freePort()
    let log = ''
    const started = spawn(
      node,
      ['node_modules/next/dist/bin/next', 'start', '-p', `${port}`, '-H', '127.0.0.1'],
      {
        cwd: dir,
        env: { ...process.env, ...NO_SECRETS },
      },
    )
    server = started
    const ready = new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        log += chunk
        if (/Ready in/.test(log)) resolve()
      }
      started.stdout.on('data', read)
      started.stderr.on('data', read)
      started.once('exit', (code) => reject(new Error(`next start exited ${code}:\n${log}`)))
    })
    await ready
    const post = (path: string) =>
      fetch(`http://127.0.0.1:${port}${path}`, { method: 'POST', body: '{}' })
    expect((await post('/api/webhooks/smartpay')).status).toBe(500)
    expect((await post('/api/checkout')).status).toBe(500)
    // The server's log says why, once per route (Next.js prints what a route threw).
    await expect
      .poll(() => log)
      .toMatch(
        /Invalid webhook signingSecret: it is (undefined|empty)\. Set SMARTPAY_WEBHOOK_SECRET/,
      )
    await expect
      .poll(() => log, { timeout: 60_000 })
      .toContain('No secret key: SMARTPAY_SECRET_KEY is not set')
  })
})
