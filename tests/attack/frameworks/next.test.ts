import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { FrameworkInstall } from '../../support/frameworkInstall.js'
import {
  app,
  frameworks,
  holdingKey,
  KEY,
  type Outcome,
  refusalLine,
  runScript,
} from './helpers.js'

// Next.js 16: one app holds every attack (they do not interfere), built with Turbopack (the
// default) and with webpack, each once without the firewall (the control: the build is green
// and the key is in what Next.js serves) and once with withSmartpayFirewall (the build fails,
// naming each file). The taint attack renders at request time, so `next start` serves it.

const NEXT = 'next/dist/bin/next'

/** The files every attack writes the key into; the key never sits in the repository. */
const FILES = {
  'app/staging/settings.json': JSON.stringify({ smartpay: KEY }),
  'public/.well-known/smartpay.json': JSON.stringify({ key: KEY }),
}

/** A free port on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** `next start` on a built app; `get` fetches a path once it answers; `stop` ends it. */
async function start(install: FrameworkInstall, dir: string) {
  const port = await freePort()
  let log = ''
  const { NODE_OPTIONS: _, ...inherited } = process.env
  const server: ChildProcess = spawn(
    install.node,
    [join(install.root, 'node_modules', NEXT), 'start', '-p', String(port), '-H', '127.0.0.1'],
    { cwd: dir, env: { ...inherited, NEXT_TELEMETRY_DISABLED: '1', SMARTPAY_SECRET_KEY: KEY } },
  )
  server.stdout?.on('data', (chunk) => {
    log += chunk
  })
  server.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const base = `http://127.0.0.1:${port}`
  // Waits for the server to answer, whatever that takes: the test's timeout stops a hung one.
  for (;;) {
    if (server.exitCode !== null) throw new Error(`next start exited: ${log}`)
    const answered = await fetch(`${base}/404-probe`).then(
      () => true,
      () => false,
    )
    if (answered) break
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  return {
    get: async (path: string) => {
      const response = await fetch(`${base}${path}`)
      return { status: response.status, body: await response.text(), log: () => log }
    },
    stop: async () => {
      if (server.exitCode !== null) return
      const exited = new Promise((resolve) => server.once('exit', resolve))
      server.kill()
      await exited
    },
  }
}

describe.each([
  ['Turbopack', []],
  ['webpack', ['--webpack']],
] as const)('Next.js 16 with %s', (bundler, flags) => {
  let install: FrameworkInstall
  let control: { dir: string; outcome: Outcome }
  let guarded: { dir: string; outcome: Outcome }

  beforeAll(async () => {
    install = await frameworks()
    const name = `next-${bundler.toLowerCase()}`
    const controlDir = app(install, 'next', `${name}-control`, FILES)
    control = {
      dir: controlDir,
      outcome: await runScript(install, controlDir, NEXT, ['build', ...flags], {
        NEXT_PUBLIC_SMARTPAY_KEY: KEY,
      }),
    }
    const guardedDir = app(install, 'next', `${name}-firewall`, FILES)
    guarded = {
      dir: guardedDir,
      outcome: await runScript(install, guardedDir, NEXT, ['build', ...flags], {
        ATTACK_FIREWALL: '1',
      }),
    }
  })

  it('without the firewall: a green build, and the key in what Next.js serves (the control)', () => {
    expect(control.outcome.code, control.outcome.output).toBe(0)
    const served = holdingKey(join(control.dir, '.next/server'))
    for (const file of [
      'app/index.html',
      'app/index.rsc',
      'app/api/config.body',
      'app/api/config.meta',
      'app/staging.html',
      'pages/legacy.html',
      'pages/legacy.json',
    ]) {
      expect(served).toContain(file)
    }
    expect(holdingKey(join(control.dir, '.next/static')).length).toBeGreaterThan(0)
    expect(holdingKey(join(control.dir, 'public'))).toEqual(['.well-known/smartpay.json'])
  })

  it('with withSmartpayFirewall: next build fails, naming every served file that holds the key', () => {
    const { code, output } = guarded.outcome
    expect(code).not.toBe(0)
    expect(output).toContain(
      '[smartpay-firewall] A Smartpay secret key is in the client build output',
    )
    for (const file of [
      '/ (prerendered)',
      '/index.rsc (prerendered)',
      '/api/config (prerendered)',
      '/staging (prerendered)',
      '/legacy (prerendered)',
      /\/_next\/data\/[^/ ]+\/legacy\.json \(prerendered\)/,
      /\.next\/static\/chunks\/[^ ]+\.js/,
      'public/.well-known/smartpay.json',
    ]) {
      expect(output).toMatch(refusalLine(file))
    }
    expect(output).toContain('do not deploy it')
    expect(output).not.toContain(KEY)
  })

  it("with experimental.taint: passing the server client's key to a client component fails the render", async () => {
    const open = await start(install, control.dir)
    try {
      const shipped = await open.get('/taint')
      expect(shipped.status).toBe(200)
      expect(shipped.body).toContain(KEY)
    } finally {
      await open.stop()
    }
    const tainted = await start(install, guarded.dir)
    try {
      for (const path of ['/taint', '/taint-basic']) {
        const refused = await tainted.get(path)
        expect(refused.status).toBe(500)
        expect(refused.body).not.toContain(KEY)
        expect(refused.body).not.toContain(btoa(`${KEY}:`))
      }
      const log = (await tainted.get('/taint')).log()
      expect(log).toContain('[smartpay-kit] A Smartpay secret key (sk_live_…uite)')
      expect(log).not.toContain(KEY)
    } finally {
      await tainted.stop()
    }
  })
})

describe("Next.js 16 with output: 'export' (Turbopack)", () => {
  let install: FrameworkInstall
  const builds: Record<'control' | 'firewall', { dir: string; outcome: Outcome }> = {} as never

  beforeAll(async () => {
    install = await frameworks()
    for (const [kind, env] of [
      ['control', { ATTACK_EXPORT: '1' }],
      ['firewall', { ATTACK_EXPORT: '1', ATTACK_FIREWALL: '1' }],
    ] as const) {
      const dir = app(install, 'next', `next-export-${kind}`, FILES)
      // Pages rendered at request time cannot be exported.
      for (const page of ['app/taint', 'app/taint-basic'])
        rmSync(join(dir, page), { recursive: true })
      builds[kind] = { dir, outcome: await runScript(install, dir, NEXT, ['build'], env) }
    }
  })

  it('without the firewall: a green build, and the key in out/ (the control)', () => {
    const { dir, outcome } = builds.control
    expect(outcome.code, outcome.output).toBe(0)
    const shipped = holdingKey(join(dir, 'out'))
    for (const file of ['index.html', 'index.txt', 'api/config', 'staging.html', 'legacy.html'])
      expect(shipped).toContain(file)
    expect(shipped).toContain('.well-known/smartpay.json')
  })

  it('with withSmartpayFirewall: next build fails, naming the files of out/', () => {
    const { code, output } = builds.firewall.outcome
    expect(code).not.toBe(0)
    for (const file of [
      'out/index.html',
      'out/api/config',
      'out/legacy.html',
      'out/.well-known/smartpay.json',
    ])
      expect(output).toMatch(refusalLine(file))
    expect(output).toContain('These files are already written to out: do not deploy it.')
    expect(output).not.toContain(KEY)
  })
})

describe('Next.js 16 with withSmartpayFirewall, before building', () => {
  it('refuses a NEXT_PUBLIC_ env var that holds a key, naming it (Next.js inlines it)', async () => {
    const install = await frameworks()
    const dir = app(install, 'next', 'next-public-env', FILES)
    const { code, output } = await runScript(install, dir, NEXT, ['build'], {
      ATTACK_FIREWALL: '1',
      NEXT_PUBLIC_SMARTPAY_KEY: KEY,
    })
    expect(code).not.toBe(0)
    expect(output).toContain('NEXT_PUBLIC_SMARTPAY_KEY: sk_live_…uite')
    expect(output).not.toContain(KEY)
    // It stopped before compiling anything.
    expect(existsSync(join(dir, '.next/static'))).toBe(false)
    rmSync(dir, { recursive: true, force: true })
  })
})
