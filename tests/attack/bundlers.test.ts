import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  esbuildBuild,
  type Outcome,
  rolldownBuild,
  rollupBuild,
  viteBuild,
  webpackBuild,
} from './helpers/bundlers.js'
import { expectRefused, expectShipsNoKey, page } from './helpers/expect.js'
import { createProject, type Files, type Project } from './helpers/project.js'

// Classes 4 and 6: the server client in a browser bundle. A shopper's web worker is a browser
// (webpack's webworker target, esbuild's worker condition, Vite's worker builds); bundlers
// without the browser condition (Rollup's default nodeResolve, esbuild's and Rolldown's neutral
// platform) get a guard naming the fix; Rolldown's default platform is `browser` for ES output and
// `node` for CommonJS output; webpack names the problem, not "export … was not found"; siblings:
// require(), dynamic import(), the webhooks entry, deep paths into dist, import.meta.glob.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

const NAMED =
  "import { createServerClient } from '@smartpay-kit/server-client'\nconsole.log(createServerClient)\n"
const WEBHOOKS =
  "import { signWebhook } from '@smartpay-kit/server-client/webhooks'\nconsole.log(signWebhook)\n"
const DYNAMIC = "import('@smartpay-kit/server-client').then((module) => console.log(module))\n"
const DEEP =
  "import { createServerClient } from '@smartpay-kit/server-client/dist/index.js'\nconsole.log(createServerClient)\n"
const REQUIRE =
  "const { createServerClient } = require('@smartpay-kit/server-client')\nconsole.log(createServerClient)\n"

/** The browser guard's message: the package, the reason, the fix. */
const BROWSER_GUARD = [
  /server-client-cannot-be-bundled-for-a-browser--it-needs-a-secret-key/,
  /in-browser-code-use-@smartpay-kit\/public-client/,
]
/** The guard for a bundler that set no condition: add `node`, or use public-client. */
const NO_CONDITION_GUARD = [
  /server-client-needs-the-node-export-condition-for-a-server-bundle/,
  /nodeResolve-exportConditions-node/,
  /public-client/,
]

const app = (name: string, entry: string, code: string, extra: Files = {}) =>
  project.app(name, { [entry]: code, ...extra })

/** Whether a successful build bundled the server client's code (not only an import of it). */
function bundledServerClient(outcome: Outcome, file: string): boolean {
  expect(outcome.error).toBeUndefined()
  // The server build refuses to run in a browser with this error class; the guards have none.
  return readFileSync(join(outcome.outDir, file), 'utf8').includes('BrowserEnvironmentError')
}

describe('webpack', () => {
  it('webpack-webworker: a web worker build hits the guard', async () => {
    const outcome = await webpackBuild(app('webpack-webworker', 'index.js', NAMED), 'index.js', {
      target: 'webworker',
    })
    expectRefused(outcome, ...BROWSER_GUARD)
  })

  it('webpack-named-import: the error names the problem, not "export … was not found"', async () => {
    const outcome = await webpackBuild(app('webpack-named-import', 'index.js', NAMED), 'index.js')
    expectRefused(outcome, ...BROWSER_GUARD)
    expect(outcome.error).not.toMatch(/was not found/)
  })

  it('webpack-require: require() in a CommonJS browser bundle hits the guard', async () => {
    const root = project.app('webpack-require', {
      'package.json': '{ "type": "commonjs" }',
      'index.js': REQUIRE,
    })
    expectRefused(await webpackBuild(root, 'index.js'), ...BROWSER_GUARD)
  })

  it('webpack-dynamic-import: import() hits the guard', async () => {
    const outcome = await webpackBuild(app('webpack-dynamic', 'index.js', DYNAMIC), 'index.js')
    expectRefused(outcome, ...BROWSER_GUARD)
  })

  it('webpack-webhooks: the webhooks entry hits the guard', async () => {
    const outcome = await webpackBuild(app('webpack-webhooks', 'index.js', WEBHOOKS), 'index.js')
    expectRefused(outcome, ...BROWSER_GUARD)
  })

  it('control: Next.js-style edge conditions still bundle the real server client', async () => {
    const root = app('webpack-edge', 'index.js', NAMED)
    const outcome = await webpackBuild(root, 'index.js', {
      target: 'webworker',
      resolve: { conditionNames: ['edge-light', 'worker', 'browser', 'import', 'module'] },
      externals: { ky: 'ky', valibot: 'valibot' },
      optimization: { minimize: false },
    })
    expect(bundledServerClient(outcome, 'main.js')).toBe(true)
  })

  it('webpack-ignoring-exports: an older resolver reads the browser field: the guard', async () => {
    // What webpack 4 and Browserify do: no `exports`, the `browser` field first.
    const root = app('webpack-no-exports', 'index.js', NAMED)
    expectRefused(
      await webpackBuild(root, 'index.js', { resolve: { exportsFields: [] } }),
      ...BROWSER_GUARD,
    )
  })

  it('webpack-deep-path: a path into dist is not exported', async () => {
    const outcome = await webpackBuild(app('webpack-deep', 'index.js', DEEP), 'index.js')
    expectRefused(outcome, /dist\/index/, /is not exported/, /@smartpay-kit\/server-client/)
  })
})

describe('esbuild', () => {
  it('esbuild-worker-condition: --conditions=worker for the browser hits the guard', async () => {
    const root = app('esbuild-worker', 'index.js', NAMED)
    expectRefused(
      await esbuildBuild(root, 'index.js', { conditions: ['worker'] }),
      ...BROWSER_GUARD,
    )
  })

  it('esbuild-browser-webhooks: the webhooks entry hits the guard', async () => {
    const root = app('esbuild-webhooks', 'index.js', WEBHOOKS)
    expectRefused(await esbuildBuild(root, 'index.js'), ...BROWSER_GUARD)
  })

  it('esbuild-require: require() for the browser hits the guard', async () => {
    const root = app('esbuild-require', 'index.cjs', REQUIRE)
    expectRefused(await esbuildBuild(root, 'index.cjs', { format: 'iife' }), ...BROWSER_GUARD)
  })

  it('esbuild-neutral: no platform condition gets the guard naming `node`', async () => {
    const root = app('esbuild-neutral', 'index.js', NAMED)
    const outcome = await esbuildBuild(root, 'index.js', { platform: 'neutral' })
    expectRefused(outcome, ...NO_CONDITION_GUARD)
  })

  it('esbuild-deep-path: a path into dist is not exported', async () => {
    const outcome = await esbuildBuild(app('esbuild-deep', 'index.js', DEEP), 'index.js')
    expectRefused(outcome, /Could not resolve "@smartpay-kit\/server-client\/dist\/index\.js"/)
  })

  it('control: Vercel Edge conditions still bundle the real server client', async () => {
    const root = app('esbuild-edge-light', 'index.js', NAMED)
    const outcome = await esbuildBuild(root, 'index.js', {
      conditions: ['edge-light', 'worker'],
      external: ['ky', 'valibot'],
    })
    expect(bundledServerClient(outcome, 'index.js')).toBe(true)
  })

  it('control: workerd conditions still bundle the real server client', async () => {
    const root = app('esbuild-workerd', 'index.js', NAMED)
    const outcome = await esbuildBuild(root, 'index.js', {
      conditions: ['workerd', 'worker'],
      external: ['ky', 'valibot'],
    })
    expect(bundledServerClient(outcome, 'index.js')).toBe(true)
  })
})

describe('Rollup', () => {
  it('rollup-default-node-resolve: no browser: true gets the guard naming the fix', async () => {
    const outcome = await rollupBuild(app('rollup-default', 'index.js', NAMED), 'index.js')
    expectRefused(outcome, ...NO_CONDITION_GUARD)
  })

  it('rollup-browser: browser: true hits the browser guard', async () => {
    const root = app('rollup-browser', 'index.js', NAMED)
    expectRefused(await rollupBuild(root, 'index.js', { browser: true }), ...BROWSER_GUARD)
  })

  it('rollup-dynamic-import: import() gets the guard too', async () => {
    const outcome = await rollupBuild(app('rollup-dynamic', 'index.js', DYNAMIC), 'index.js')
    expectRefused(outcome, ...NO_CONDITION_GUARD)
  })

  it('rollup-deep-path: a path into dist stays unresolved, and nothing is bundled', async () => {
    const outcome = await rollupBuild(app('rollup-deep', 'index.js', DEEP), 'index.js')
    expectShipsNoKey(outcome)
    expect(bundledServerClient(outcome, 'index.js')).toBe(false)
  })

  it('control: exportConditions: ["node"] bundles the real server client', async () => {
    const root = app('rollup-node', 'index.js', NAMED)
    const outcome = await rollupBuild(root, 'index.js', {
      exportConditions: ['node'],
      resolveOnly: (module) => module.startsWith('@smartpay-kit/'),
    })
    expect(bundledServerClient(outcome, 'index.js')).toBe(true)
  })
})

describe('Rolldown', () => {
  it('rolldown-browser: platform browser hits the browser guard', async () => {
    const root = app('rolldown-browser', 'index.js', NAMED)
    expectRefused(await rolldownBuild(root, 'index.js', { platform: 'browser' }), ...BROWSER_GUARD)
  })

  it('rolldown-webhooks: the webhooks entry hits the guard', async () => {
    const root = app('rolldown-webhooks', 'index.js', WEBHOOKS)
    expectRefused(await rolldownBuild(root, 'index.js', { platform: 'browser' }), ...BROWSER_GUARD)
  })

  it('rolldown-dynamic-import: import() hits the guard', async () => {
    const root = app('rolldown-dynamic', 'index.js', DYNAMIC)
    expectRefused(await rolldownBuild(root, 'index.js', { platform: 'browser' }), ...BROWSER_GUARD)
  })

  it('rolldown-default: no platform, ES or IIFE output: the default is browser, and the guard', async () => {
    const root = app('rolldown-default', 'index.js', NAMED)
    expectRefused(await rolldownBuild(root, 'index.js'), ...BROWSER_GUARD)
    expectRefused(await rolldownBuild(root, 'index.js', {}, { format: 'iife' }), ...BROWSER_GUARD)
  })

  it('rolldown-default-cjs: no platform, CommonJS output: the default is node, the server build', async () => {
    // Rolldown picks `platform: 'node'` for `format: 'cjs'`, so `node` is among its conditions.
    const root = app('rolldown-default-cjs', 'index.js', NAMED)
    const external = ['ky', 'valibot']
    const outcome = await rolldownBuild(root, 'index.js', { external }, { format: 'cjs' })
    expect(bundledServerClient(outcome, 'index.js')).toBe(true)
  })

  it('rolldown-neutral: no platform condition gets the guard naming `node`', async () => {
    const outcome = await rolldownBuild(app('rolldown-neutral', 'index.js', NAMED), 'index.js', {
      platform: 'neutral',
    })
    expectRefused(outcome, ...NO_CONDITION_GUARD, /rolldown-platform-node/)
  })

  it('rolldown-deep-path: a path into dist is not exported', async () => {
    const outcome = await rolldownBuild(app('rolldown-deep', 'index.js', DEEP), 'index.js')
    expectRefused(
      outcome,
      /Could not resolve '@smartpay-kit\/server-client\/dist\/index\.js'/,
      /not defined by exports/,
    )
  })

  it('control: platform node bundles the real server client', async () => {
    const root = app('rolldown-node', 'index.js', NAMED)
    const outcome = await rolldownBuild(root, 'index.js', {
      platform: 'node',
      external: ['ky', 'valibot'],
    })
    expect(bundledServerClient(outcome, 'index.js')).toBe(true)
  })
})

describe('Vite', () => {
  it('vite-worker: a web worker importing the server client is refused', async () => {
    const root = project.app('vite-worker', {
      'index.html': page(),
      'main.js': "new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })\n",
      'worker.js': NAMED,
    })
    expectRefused(await viteBuild(root, {}, { firewall: false }), ...BROWSER_GUARD)
    expectRefused(await viteBuild(root), /server-client/, /public-client/)
  })

  it('vite-glob: import.meta.glob over dist is refused by the firewall', async () => {
    const root = project.app('vite-glob', {
      'index.html': page(),
      'main.js':
        "const files = import.meta.glob('/../node_modules/@smartpay-kit/server-client/dist/*.js')\nfor (const load of Object.values(files)) load().then(console.log)\n",
    })
    expectRefused(
      await viteBuild(root),
      'imports @smartpay-kit/server-client/dist/index.js',
      /public-client/,
    )
  })

  it('vite-relative-path: a relative import of dist is refused by the firewall', async () => {
    const root = project.app('vite-relative-path', {
      'index.html': page(),
      'main.js':
        "import { createServerClient } from '../node_modules/@smartpay-kit/server-client/dist/index.js'\nconsole.log(createServerClient)\n",
    })
    expectRefused(
      await viteBuild(root),
      'main.js\n    imports @smartpay-kit/server-client/dist/index.js',
      /public-client/,
    )
  })

  it('vite-dynamic-import: import() is refused with the import chain', async () => {
    const root = project.app('vite-dynamic', { 'index.html': page(), 'main.js': DYNAMIC })
    expectRefused(await viteBuild(root), 'main.js\n    imports @smartpay-kit/server-client')
  })
})
