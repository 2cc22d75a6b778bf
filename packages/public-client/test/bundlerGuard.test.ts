// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, buildError } from '../../../tests/support/buildApp.js'
import {
  type FixtureInstall,
  installFixtures,
  PACKAGES,
} from '../../../tests/support/installedFixtures.js'

// Layer 3 of the firewall: @smartpay-kit/server-client's `exports` send browser builds to
// guard/browser.js (which fails to resolve, by design) and every server runtime to dist.

const SERVER_BUILD = join(PACKAGES, 'server-client/dist/')
/** Don't bundle what server-client imports: only its own resolution matters here. */
const EXTERNAL = [/^@smartpay-kit\/core/, 'ky', 'valibot']

let install: FixtureInstall
let guardMessage: string
beforeAll(() => {
  install = installFixtures(['server-import'])
  // The guard's message is the name of the missing module it imports.
  const guard = readFileSync(join(PACKAGES, 'server-client/guard/browser.js'), 'utf8')
  guardMessage = /^import\s+['"]\.\/(.+?)(?:\.js)?['"]/m.exec(guard)?.[1] ?? ''
  expect(guardMessage).toMatch(/public-client/)
})
afterAll(() => install?.remove())

/** The server-client files a build bundled. */
async function serverClientFiles(entry: string, conditions?: string[]) {
  const { output } = await buildApp(install.app('server-import'), {
    ...(conditions ? { resolve: { conditions } } : {}),
    build: {
      rolldownOptions: { input: join(install.app('server-import'), entry), external: EXTERNAL },
    },
  })
  return output
    .flatMap((file) => (file.type === 'chunk' ? file.moduleIds : []))
    .filter((id) => id.includes('/server-client/'))
}

describe('@smartpay-kit/server-client in a Vite client build', () => {
  it('fails with the guard message, which names the fix', async () => {
    const message = await buildError(install.app('server-import'))
    expect(message).toContain(guardMessage)
    expect(message).toMatch(/guard\/browser\.js/)
  })

  it('fails for the webhooks entry too', async () => {
    const message = await buildError(install.app('server-import'), {
      build: { rolldownOptions: { input: join(install.app('server-import'), 'webhooks.js') } },
    })
    expect(message).toContain(guardMessage)
  })
})

describe('@smartpay-kit/server-client on servers', () => {
  it('resolves to the server build in a Vite SSR build', async () => {
    const { output } = await buildApp(install.app('server-import'), {
      // Bundled rather than left to Node, so the test sees which file Vite resolved.
      ssr: { noExternal: ['@smartpay-kit/server-client'] },
      build: { ssr: 'checkout.js', rolldownOptions: { external: EXTERNAL } },
    })
    const ids = output.flatMap((file) => (file.type === 'chunk' ? file.moduleIds : []))
    expect(ids).toContain(`${SERVER_BUILD}index.js`)
  })

  it('resolves to the server build in Node', () => {
    const resolve = (specifier: string) =>
      execFileSync(
        process.execPath,
        ['--input-type=module', '-e', `console.log(import.meta.resolve('${specifier}'))`],
        { cwd: install.app('server-import'), encoding: 'utf8' },
      ).trim()
    expect(resolve('@smartpay-kit/server-client')).toMatch(/\/server-client\/dist\/index\.js$/)
    expect(resolve('@smartpay-kit/server-client/webhooks')).toMatch(
      /\/server-client\/dist\/webhooks\.js$/,
    )
  })

  it.each([
    ['Cloudflare Workers', ['workerd', 'worker', 'browser']],
    ['Vercel Edge', ['edge-light', 'worker', 'browser']],
    ['Deno', ['deno']],
    ['Bun', ['bun']],
  ])('resolves to the server build with the conditions of %s', async (_, conditions) => {
    // The entry file itself, plus any chunk the build shares between entries; never the guard.
    for (const [entry, file] of [
      ['main.js', 'index.js'],
      ['webhooks.js', 'webhooks.js'],
    ]) {
      const files = await serverClientFiles(entry as string, conditions)
      expect(files).toContain(`${SERVER_BUILD}${file}`)
      expect(files.every((id) => id.startsWith(SERVER_BUILD))).toBe(true)
    }
  })

  it('uses exactly the given conditions (control: `browser` alone hits the guard)', async () => {
    await expect(serverClientFiles('main.js', ['browser'])).rejects.toThrow(guardMessage)
  })
})

describe('@smartpay-kit/server-client in a web worker or with no known condition', () => {
  // A shopper's web worker is a browser: webpack's `webworker` target and esbuild's
  // `--conditions=worker` set `worker` beside `browser`, and `browser` must win.
  it.each([
    ['main.js', ['worker', 'browser']],
    ['main.js', ['browser', 'worker']],
    ['webhooks.js', ['worker', 'browser']],
  ])('resolves %s with %j to the browser guard', async (entry, conditions) => {
    await expect(serverClientFiles(entry, conditions)).rejects.toThrow(guardMessage)
  })

  it('resolves to a guard naming the `node` condition when no condition matches', async () => {
    await expect(serverClientFiles('main.js', [])).rejects.toThrow(
      /server-client-needs-the-node-export-condition-for-a-server-bundle.*public-client/,
    )
  })
})
