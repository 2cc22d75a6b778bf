import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  esbuildBuild,
  type Outcome,
  rolldownBuild,
  rollupBuild,
  webpackBuild,
} from './helpers/bundlers.js'
import { base64, expectRefused, expectShipsNoKey } from './helpers/expect.js'
import {
  createProject,
  type Files,
  KEY,
  KEY_FINGERPRINT,
  PACKAGES,
  type Project,
} from './helpers/project.js'
import { filesHoldingKey } from './helpers/shipsKey.js'

// The firewall's output scan beyond Vite: the Rollup (also as a Rolldown plugin), esbuild and
// webpack plugins and the
// `smartpay-firewall scan` CLI run the Vite plugin's scanner on what those bundlers emit. Each
// attack ships the key without the plugin (the trick works, and the suite's own scan sees it)
// and is refused with it, naming the file and the fix; a clean app still builds.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

/** Each entry point's plugin factory, by bundler. */
interface Entries {
  rollup: typeof import('../../packages/firewall/src/rollup.ts')['smartpayFirewall']
  esbuild: typeof import('../../packages/firewall/src/esbuild.ts')['smartpayFirewall']
  webpack: typeof import('../../packages/firewall/src/webpack.ts')['smartpayFirewall']
}

/**
 * `smartpayFirewall` from `@smartpay-kit/firewall/<bundler>` as the app resolves it: through
 * the package's `exports` to the built file.
 */
async function plugin<Name extends keyof Entries>(app: string, name: Name): Promise<Entries[Name]> {
  const file = createRequire(join(app, 'package.json')).resolve(`@smartpay-kit/firewall/${name}`)
  expect(file).toBe(join(PACKAGES, `firewall/dist/${name}.js`))
  const module = (await import(pathToFileURL(file).href)) as { smartpayFirewall: Entries[Name] }
  return module.smartpayFirewall
}

/** What every refusal says to do. */
const FIX = /on the server/

const PLAIN = `const key = '${KEY}'\nconsole.log(key)\n`
/** The key the way the server client sends it: `Basic ` + base64 of `sk_…:`. */
const BASIC = `const auth = 'Basic ${base64(`${KEY}:`)}'\nfetch('/api', { headers: { Authorization: auth } })\n`
/** The key only in a comment: minifying drops it, the source map's sourcesContent keeps it. */
const IN_COMMENT = `// Old config, do not use: ${KEY}\nconsole.log('checkout')\n`
const CLEAN = "const key = 'pk_live_FakePublicKeyForTheSuite'\nconsole.log(key)\n"

interface Attack {
  name: string
  files: Files
  /** The file the refusal must name. */
  file: string | RegExp
  /** The only files that hold the key without the plugin, when the trick hides it in some. */
  holding?: string[]
}

/** One test per attack: the key ships without the plugin, and the build is refused with it. */
function attacks(
  bundler: string,
  build: (app: string, attack: string, firewall: boolean) => Promise<Outcome>,
  list: readonly Attack[],
) {
  for (const attack of list) {
    it(`${bundler}-${attack.name}: ships the key without the plugin, and is refused with it`, async () => {
      const app = project.app(`${bundler}-${attack.name}`, attack.files)
      const open = await build(app, attack.name, false)
      expect(open.error).toBeUndefined()
      const holding = filesHoldingKey(open.outDir, KEY)
      if (attack.holding) expect(holding.sort()).toEqual(attack.holding)
      else expect(holding).not.toEqual([])
      expectRefused(await build(app, attack.name, true), attack.file, KEY_FINGERPRINT, FIX)
    })
  }
  it(`${bundler}-clean: an app with a public key builds with the plugin`, async () => {
    const app = project.app(`${bundler}-clean`, { 'main.js': CLEAN })
    expectShipsNoKey(await build(app, 'clean', true))
  })
}

describe('esbuild: @smartpay-kit/firewall/esbuild', () => {
  attacks(
    'esbuild',
    async (app, attack, firewall) => {
      const plugins = firewall ? [(await plugin(app, 'esbuild'))()] : []
      return esbuildBuild(app, 'main.js', {
        minify: true,
        plugins,
        ...(attack === 'inline-source-map' ? { sourcemap: 'inline' } : {}),
      })
    },
    [
      { name: 'plain', files: { 'main.js': PLAIN }, file: 'dist/main.js' },
      { name: 'basic-credentials', files: { 'main.js': BASIC }, file: 'dist/main.js' },
      {
        name: 'inline-source-map',
        files: { 'main.js': IN_COMMENT },
        file: 'dist/main.js',
        holding: ['main.js'],
      },
      {
        name: 'text-asset',
        files: {
          'main.js': "import config from './config.txt'\nconsole.log(config)\n",
          'config.txt': KEY,
        },
        file: 'dist/main.js',
      },
    ],
  )

  it('esbuild-file-asset: a key in a file the file loader emits is refused, already written', async () => {
    const app = project.app('esbuild-file-asset', {
      'main.js': "import url from './config.txt'\nconsole.log(url)\n",
      'config.txt': `token=${base64(KEY)}`,
    })
    const options = { loader: { '.txt': 'file' as const } }
    const open = await esbuildBuild(app, 'main.js', options)
    expect(filesHoldingKey(open.outDir, KEY)).toEqual([expect.stringMatching(/^config-\w+\.txt$/)])
    const plugins = [(await plugin(app, 'esbuild'))()]
    const outcome = await esbuildBuild(app, 'main.js', { ...options, plugins })
    expectRefused(
      outcome,
      /dist\/config-\w+\.txt: sk_live_…uite, base64/,
      /written to dist: do not deploy/,
      FIX,
    )
    expect(outcome.error).not.toMatch(/dist\/main\.js:/)
  })

  it('esbuild-write-false: with write: false the key is refused before anything is written', async () => {
    const app = project.app('esbuild-write-false', { 'main.js': PLAIN })
    const outcome = await esbuildBuild(app, 'main.js', {
      write: false,
      plugins: [(await plugin(app, 'esbuild'))()],
    })
    expectRefused(outcome, 'dist/main.js', FIX)
    expect(outcome.error).not.toMatch(/already written/)
  })
})

describe('Rollup: @smartpay-kit/firewall/rollup', () => {
  attacks(
    'rollup',
    async (app, attack, firewall) =>
      rollupBuild(
        app,
        'main.js',
        {},
        {
          plugins: firewall ? [(await plugin(app, 'rollup'))()] : [],
          ...(attack === 'source-map' ? { output: { sourcemap: true } } : {}),
          ...(attack === 'inline-source-map' ? { output: { sourcemap: 'inline' } } : {}),
        },
      ),
    [
      {
        name: 'plain',
        files: { 'main.js': PLAIN },
        file: /main\.js: sk_live_…uite \(from \/.*\/rollup-plain\/main\.js\)/,
      },
      { name: 'basic-credentials', files: { 'main.js': BASIC }, file: 'main.js' },
      {
        // Tree-shaking drops the constant from the code; the map's sourcesContent keeps it.
        name: 'source-map',
        files: {
          'main.js': "import { used } from './config.js'\nconsole.log(used)\n",
          'config.js': `export const used = 1\nexport const unused = '${KEY}'\n`,
        },
        file: 'main.js',
        holding: ['main.js.map'],
      },
      {
        name: 'inline-source-map',
        files: {
          'main.js': "import { used } from './config.js'\nconsole.log(used)\n",
          'config.js': `export const used = 1\nexport const unused = '${KEY}'\n`,
        },
        file: 'main.js',
      },
    ],
  )

  it('rollup-emitted-asset: a key in an asset another plugin emits is refused', async () => {
    const app = project.app('rollup-emitted-asset', { 'main.js': CLEAN })
    const emit = {
      name: 'emit-config',
      generateBundle(this: { emitFile(file: object): string }) {
        this.emitFile({ type: 'asset', fileName: 'config.json', source: JSON.stringify({ KEY }) })
      },
    }
    const open = await rollupBuild(app, 'main.js', {}, { plugins: [emit] })
    expect(filesHoldingKey(open.outDir, KEY)).toEqual(['config.json'])
    const firewall = (await plugin(app, 'rollup'))()
    expectRefused(
      await rollupBuild(app, 'main.js', {}, { plugins: [emit, firewall] }),
      'config.json',
      FIX,
    )
  })
})

describe('Rolldown: @smartpay-kit/firewall/rollup', () => {
  attacks(
    'rolldown',
    async (app, attack, firewall) =>
      rolldownBuild(
        app,
        'main.js',
        { plugins: firewall ? [(await plugin(app, 'rollup'))()] : [] },
        {
          ...(attack === 'source-map' ? { sourcemap: true } : {}),
          ...(attack === 'inline-source-map' ? { sourcemap: 'inline' } : {}),
        },
      ),
    [
      {
        name: 'plain',
        files: { 'main.js': PLAIN },
        file: /main\.js: sk_live_…uite \(from \/.*\/rolldown-plain\/main\.js\)/,
      },
      { name: 'basic-credentials', files: { 'main.js': BASIC }, file: 'main.js' },
      {
        // Rolldown drops the comment from the code; the map's sourcesContent keeps it.
        name: 'source-map',
        files: { 'main.js': IN_COMMENT },
        file: 'main.js',
        holding: ['main.js.map'],
      },
      { name: 'inline-source-map', files: { 'main.js': IN_COMMENT }, file: 'main.js' },
    ],
  )

  it('rolldown-emitted-asset: a key in an asset another plugin emits is refused', async () => {
    const app = project.app('rolldown-emitted-asset', { 'main.js': CLEAN })
    const emit = {
      name: 'emit-config',
      generateBundle(this: { emitFile(file: object): string }) {
        this.emitFile({ type: 'asset', fileName: 'config.json', source: JSON.stringify({ KEY }) })
      },
    }
    const open = await rolldownBuild(app, 'main.js', { plugins: [emit] })
    expect(filesHoldingKey(open.outDir, KEY)).toEqual(['config.json'])
    const firewall = (await plugin(app, 'rollup'))()
    expectRefused(
      await rolldownBuild(app, 'main.js', { plugins: [emit, firewall] }),
      'config.json',
      FIX,
    )
  })
  it('rolldown-plugin-writes-a-file: a key another plugin writes in writeBundle is refused', async () => {
    const app = project.app('rolldown-writes-a-file', { 'main.js': CLEAN })
    // What copy and compress plugins do: write into the output folder after Rolldown did.
    const copy = {
      name: 'copy-config',
      writeBundle(options: { dir?: string }) {
        writeFileSync(join(options.dir ?? '', 'config.txt'), KEY)
      },
    }
    const open = await rolldownBuild(app, 'main.js', { plugins: [copy] })
    expect(filesHoldingKey(open.outDir, KEY)).toEqual(['config.txt'])
    const firewall = (await plugin(app, 'rollup'))()
    expectRefused(
      await rolldownBuild(app, 'main.js', { plugins: [copy, firewall] }),
      /config\.txt: sk_live_…uite/,
      /already written to \/.*\/rolldown-writes-a-file\/dist: do not deploy/,
      FIX,
    )
  })
})

describe('webpack: @smartpay-kit/firewall/webpack', () => {
  attacks(
    'webpack',
    async (app, attack, firewall) =>
      webpackBuild(app, 'main.js', {
        plugins: firewall ? [(await plugin(app, 'webpack'))()] : [],
        ...(attack === 'source-map' ? { devtool: 'source-map' } : {}),
        ...(attack === 'inline-source-map' ? { devtool: 'inline-source-map' } : {}),
        ...(attack === 'asset'
          ? { module: { rules: [{ test: /\.txt$/, type: 'asset/resource' }] } }
          : {}),
      }),
    [
      { name: 'plain', files: { 'main.js': PLAIN }, file: 'main.js' },
      { name: 'basic-credentials', files: { 'main.js': BASIC }, file: 'main.js' },
      {
        name: 'source-map',
        files: { 'main.js': IN_COMMENT },
        file: 'main.js.map',
        holding: ['main.js.map'],
      },
      { name: 'inline-source-map', files: { 'main.js': IN_COMMENT }, file: 'main.js' },
      {
        name: 'asset',
        files: {
          'main.js': "import url from './config.txt'\nconsole.log(url)\n",
          'config.txt': `token=${base64(KEY)}`,
        },
        file: /\.txt/,
      },
    ],
  )
})

const CLI = join(PACKAGES, 'firewall/dist/cli.js')
const scan = (...args: string[]) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' })

describe('the smartpay-firewall CLI', () => {
  it('is the package bin', async () => {
    const { readFileSync } = await import('node:fs')
    const manifest = JSON.parse(readFileSync(join(PACKAGES, 'firewall/package.json'), 'utf8'))
    expect(join(PACKAGES, 'firewall', manifest.bin['smartpay-firewall'])).toBe(CLI)
    expect(readFileSync(CLI, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/)
  })

  it('finds a key in a webpack build output folder and exits 1', async () => {
    const app = project.app('cli-webpack-key', { 'main.js': BASIC })
    const outcome = await webpackBuild(app, 'main.js', { devtool: 'source-map' })
    expect(outcome.error).toBeUndefined()
    const result = scan('scan', outcome.outDir)
    expect(result.status).toBe(1)
    expect(result.stderr).toContain(`${outcome.outDir}/main.js: ${KEY_FINGERPRINT}`)
    expect(result.stderr).toMatch(FIX)
    expect(result.stderr + result.stdout).not.toContain(KEY)
    expect(result.stderr + result.stdout).not.toContain(KEY.slice('sk_live_'.length, -4))
  })

  it('exits 0 on a clean webpack build output folder', async () => {
    const app = project.app('cli-webpack-clean', { 'main.js': CLEAN })
    const outcome = await webpackBuild(app, 'main.js', { devtool: 'source-map' })
    expect(outcome.error).toBeUndefined()
    const result = scan('scan', outcome.outDir)
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toMatch(/No Smartpay secret key in 2 files/)
  })

  it('exits 2 on bad usage or a folder that is not there', () => {
    expect(scan().status).toBe(2)
    expect(scan('scan').status).toBe(2)
    const missing = scan('scan', join(PACKAGES, 'no-such-folder'))
    expect(missing.status).toBe(2)
    expect(missing.stderr).toMatch(/Not a folder/)
  })
})
