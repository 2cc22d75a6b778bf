// @vitest-environment node
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type InlineConfig } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, buildError } from '../../../tests/support/buildApp.js'
import { type FixtureInstall, installFixtures } from '../../../tests/support/installedFixtures.js'
import { smartpayFirewall } from '../src/vite/index.js'

// Layer 4 of the firewall: the Vite plugin fails client builds that could leak a secret key.

const SECRET = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const SECRET_BODY = SECRET.slice('sk_test_'.length)
const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
/** What the secret-in-code fixture's Vite config adds: a server env var inlined for the client. */
const LEAKY_DEFINE = { define: { 'process.env.SMARTPAY_SECRET_KEY': JSON.stringify(SECRET) } }

let install: FixtureInstall
beforeAll(() => {
  install = installFixtures(['checkout-page', 'secret-in-code', 'server-import'])
})
afterAll(() => install?.remove())

function withEnv(app: string, env: string): string {
  const root = install.app(app)
  writeFileSync(join(root, '.env'), env)
  return root
}

function expectNoKey(message: string): void {
  expect(message).not.toContain(SECRET_BODY)
  expect(message).not.toContain(SECRET_BODY.slice(0, 12))
}

describe('smartpayFirewall', () => {
  it('lets a clean checkout page build', async () => {
    const root = withEnv('checkout-page', `VITE_SMARTPAY_PUBLIC_KEY=${PUBLIC}\n`)
    const { entry } = await buildApp(root, { plugins: [smartpayFirewall()] })
    expect(entry.code).toContain(PUBLIC)
  })

  it('fails a client build whose chunk holds a secret key, naming file and module', async () => {
    const message = await buildError(install.app('secret-in-code'), {
      ...LEAKY_DEFINE,
      plugins: [smartpayFirewall()],
    })
    expect(message).toContain(
      '[smartpay-firewall] A Smartpay secret key is in the client build output',
    )
    expect(message).toMatch(/assets\/index-[\w-]+\.js: sk_test_…1taz \(from main\.js\)/)
    expect(message).toContain('https://dashboard.smartpay.co/settings/credentials')
    expectNoKey(message)
  })

  it('would let that key through without the plugin (what the plugin is for)', async () => {
    const { entry } = await buildApp(install.app('secret-in-code'), LEAKY_DEFINE)
    expect(entry.code).toContain(SECRET)
  })

  it('does not check server (SSR) builds', async () => {
    const { entry } = await buildApp(install.app('secret-in-code'), {
      ...LEAKY_DEFINE,
      plugins: [smartpayFirewall()],
      build: { ssr: 'main.js' },
    })
    expect(entry.code).toContain(SECRET)
  })

  it('fails when an env var exposed to the client holds a secret key, naming it', async () => {
    const root = withEnv(
      'checkout-page',
      `VITE_SMARTPAY_PUBLIC_KEY=${PUBLIC}\nVITE_SMARTPAY_SECRET_KEY=${SECRET}\n`,
    )
    const message = await buildError(root, { plugins: [smartpayFirewall()] })
    expect(message).toContain('An env var exposed to client code (VITE_*')
    expect(message).toContain('VITE_SMARTPAY_SECRET_KEY: sk_test_…1taz')
    expectNoKey(message)
  })

  it('honours a custom envPrefix', async () => {
    const root = withEnv(
      'checkout-page',
      `VITE_SMARTPAY_PUBLIC_KEY=${PUBLIC}\nPUBLIC_KEY_2=${SECRET}\n`,
    )
    const message = await buildError(root, {
      envPrefix: ['VITE_', 'PUBLIC_'],
      plugins: [smartpayFirewall()],
    })
    expect(message).toContain('PUBLIC_KEY_2: sk_test_…1taz')
    expect(message).toContain('(VITE_*, PUBLIC_*')
  })

  it('ignores a secret key in an env var that client code cannot read', async () => {
    const root = withEnv(
      'checkout-page',
      `VITE_SMARTPAY_PUBLIC_KEY=${PUBLIC}\nSMARTPAY_SECRET_KEY=${SECRET}\n`,
    )
    const { entry } = await buildApp(root, { plugins: [smartpayFirewall()] })
    expect(entry.code).not.toContain(SECRET)
  })

  it('fails when client code imports server-client, printing the import chain', async () => {
    const message = await buildError(install.app('server-import'), {
      plugins: [smartpayFirewall()],
    })
    expect(message).toContain(
      [
        '[smartpay-firewall] @smartpay-kit/server-client is imported into client code:',
        '  main.js',
        '    imports checkout.js',
        '    imports @smartpay-kit/server-client',
      ].join('\n'),
    )
  })

  it('lets an SSR build import server-client', async () => {
    const { entry } = await buildApp(install.app('server-import'), {
      plugins: [smartpayFirewall()],
      ssr: { noExternal: ['@smartpay-kit/server-client'] },
      build: {
        ssr: 'checkout.js',
        rolldownOptions: { external: [/^@smartpay-kit\/core/, 'ky', 'valibot'] },
      },
    })
    expect(entry.moduleIds.some((id) => id.includes('/server-client/dist/'))).toBe(true)
  })
})

describe('smartpayFirewall in vite serve', () => {
  /** Starts a dev server (no port) and loads the given modules. */
  async function serve(root: string, config: InlineConfig, modules: string[]): Promise<void> {
    const server = await createServer({
      configFile: false,
      root,
      logLevel: 'silent',
      server: { middlewareMode: true, ws: false },
      ...config,
    })
    try {
      for (const module of modules) await server.environments.client.transformRequest(module)
    } finally {
      await server.close()
    }
  }

  // The dev server transforms modules as they are requested (and ahead of time), so the chain
  // it prints starts at the first importer it has seen; a build always has the whole chain.
  it('refuses a module that imports server-client, naming the importer', async () => {
    const serving = serve(install.app('server-import'), { plugins: [smartpayFirewall()] }, [
      '/main.js',
      '/checkout.js',
    ])
    await expect(serving).rejects.toThrow('checkout.js\n    imports @smartpay-kit/server-client')
  })

  it('does not start when an env var exposed to the client holds a secret key', async () => {
    const root = withEnv('checkout-page', `VITE_SMARTPAY_SECRET_KEY=${SECRET}\n`)
    const serving = serve(root, { plugins: [smartpayFirewall()] }, [])
    await expect(serving).rejects.toThrow('VITE_SMARTPAY_SECRET_KEY: sk_test_…1taz')
    const message = await serving.catch((error: Error) => error.message)
    expectNoKey(String(message))
  })

  it('does not start when a `define` holds a secret key (dev sends every define)', async () => {
    const root = withEnv('checkout-page', `VITE_SMARTPAY_PUBLIC_KEY=${PUBLIC}\n`)
    const serving = serve(root, { ...LEAKY_DEFINE, plugins: [smartpayFirewall()] }, [])
    await expect(serving).rejects.toThrow('process.env.SMARTPAY_SECRET_KEY: sk_test_…1taz')
  })
})
