import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { copy as esbuildCopy } from 'esbuild-plugin-copy'
import FileManagerPlugin from 'filemanager-webpack-plugin'
import rollupCopy from 'rollup-plugin-copy'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  esbuildBuild,
  type Outcome,
  rolldownBuild,
  rollupBuild,
  webpackBuild,
} from './helpers/bundlers.js'
import { expectRefused, expectShipsNoKey } from './helpers/expect.js'
import { createProject, KEY, KEY_FINGERPRINT, PACKAGES, type Project } from './helpers/project.js'
import { filesHoldingKey } from './helpers/shipsKey.js'

// Class 9: files other plugins write into the served folder, after or beside what the bundler
// wrote: copy, archive and deploy plugins, each the real one from npm. Without the firewall,
// the key ships; with it, the build fails naming the served file. The plugin scans the whole
// served root after every other plugin ran, wherever the user lists it (here: first).

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

type Options = { servedDir?: string }
type Factory = (options?: Options) => unknown

/** `smartpayFirewall` of the built `@smartpay-kit/firewall/<bundler>`, as the app resolves it. */
async function firewall(app: string, bundler: 'rollup' | 'esbuild' | 'webpack'): Promise<Factory> {
  const file = createRequire(join(app, 'package.json')).resolve(`@smartpay-kit/firewall/${bundler}`)
  expect(file).toBe(join(PACKAGES, `firewall/dist/${bundler}.js`))
  return ((await import(pathToFileURL(file).href)) as { smartpayFirewall: Factory })
    .smartpayFirewall
}

const FIX = /on the server/
const MAIN = { 'main.js': "document.title = 'Checkout'\n" }
/** A config file the app keeps beside its sources: copied into the served folder by a plugin. */
const SECRETS = { 'config/smartpay.json': `{ "secretKey": "${KEY}" }` }

/** Every file under `dir`, relative to it. */
function served(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
}

/** A deploy step that compresses every served file in place, keeping its name. */
function compressInPlace(dir: string, compress: (bytes: Buffer) => Buffer): void {
  for (const file of served(dir)) {
    const path = join(dir, file)
    if (statSync(path).isFile()) writeFileSync(path, compress(readFileSync(path)))
  }
}

/**
 * The trick works without the firewall (the key is in the served folder `dir`, in a file the
 * suite's own scan can read), and the build is refused with it, naming the file.
 */
async function expectClosed(
  build: (withFirewall: boolean) => Promise<Outcome>,
  dir: string,
  file: string | RegExp,
  holding?: (dir: string) => string[],
) {
  const open = await build(false)
  expect(open.error).toBeUndefined()
  expect((holding ?? ((each) => filesHoldingKey(each, KEY)))(dir)).not.toEqual([])
  // From an empty folder, as a fresh checkout builds: nothing left by the build above.
  rmSync(dir, { recursive: true, force: true })
  expectRefused(await build(true), file, KEY_FINGERPRINT, /do not deploy/, FIX)
}

/** The served files whose bytes, once decompressed in place, hold the key. */
function holdingCompressed(decompress: (bytes: Buffer) => Buffer) {
  const holds = (bytes: Buffer) => {
    try {
      return decompress(bytes).includes(KEY)
    } catch {
      return false
    }
  }
  return (dir: string) => served(dir).filter((file) => holds(readFileSync(join(dir, file))))
}

describe('esbuild: other plugins’ onEnd and onStart', () => {
  const build =
    (app: string, plugins: unknown[], options: Options = {}, outdir = 'dist') =>
    async (withFirewall: boolean) => {
      const factory = withFirewall ? [(await firewall(app, 'esbuild'))(options)] : []
      return esbuildBuild(app, 'main.js', {
        outdir: join(app, outdir),
        plugins: [...factory, ...plugins] as never,
      })
    }

  it('esbuild-plugin-copy, after the build (onEnd)', async () => {
    const app = project.app('esbuild-copy-on-end', { ...MAIN, ...SECRETS })
    const copy = esbuildCopy({ assets: { from: [join(app, 'config/*')], to: ['./config'] } })
    await expectClosed(build(app, [copy]), join(app, 'dist'), 'dist/config/smartpay.json')
  })

  it('esbuild-plugin-copy, before the build (copyOnStart)', async () => {
    const app = project.app('esbuild-copy-on-start', { ...MAIN, ...SECRETS })
    const copy = esbuildCopy({
      copyOnStart: true,
      assets: { from: [join(app, 'config/*')], to: ['.'] },
    })
    await expectClosed(build(app, [copy]), join(app, 'dist'), 'dist/smartpay.json')
  })

  it('esbuild-plugin-copy into the served root above outdir, named by servedDir', async () => {
    const app = project.app('esbuild-copy-served-root', { ...MAIN, ...SECRETS })
    const copy = esbuildCopy({
      resolveFrom: 'cwd',
      assets: { from: [join(app, 'config/*')], to: [join(app, 'dist')] },
    })
    await expectClosed(
      build(app, [copy], { servedDir: 'dist' }, 'dist/js'),
      join(app, 'dist'),
      'dist/smartpay.json',
    )
  })

  it.each([
    ['brotli', brotliCompressSync, brotliDecompressSync],
    ['gzip', gzipSync, gunzipSync],
  ])(
    'a deploy plugin that %s-compresses every served file in place',
    async (name, compress, decompress) => {
      const app = project.app(`esbuild-compress-${name}`, { ...MAIN, ...SECRETS })
      const copy = esbuildCopy({ assets: { from: [join(app, 'config/*')], to: ['.'] } })
      const deploy = {
        name: 'compress-in-place',
        setup(build: { onEnd(callback: () => void): void }) {
          build.onEnd(() => compressInPlace(join(app, 'dist'), compress))
        },
      }
      await expectClosed(
        build(app, [copy, deploy]),
        join(app, 'dist'),
        'dist/smartpay.json',
        holdingCompressed(decompress),
      )
    },
  )

  it('control: a clean app with a copy plugin builds', async () => {
    const app = project.app('esbuild-copy-clean', {
      ...MAIN,
      'config/public.json': '{ "publicKey": "pk_live_FakePublicKeyForTheSuite" }',
    })
    const copy = esbuildCopy({ assets: { from: [join(app, 'config/*')], to: ['.'] } })
    expectShipsNoKey(await build(app, [copy])(true))
  })
})

describe('webpack: other plugins after emit', () => {
  const build =
    (app: string, plugins: unknown[], options: Options = {}, path = 'dist') =>
    async (withFirewall: boolean) => {
      const factory = withFirewall ? [(await firewall(app, 'webpack'))(options)] : []
      return webpackBuild(app, 'main.js', {
        output: { path: join(app, path), clean: true },
        plugins: [...factory, ...plugins] as never,
      })
    }

  it('filemanager-webpack-plugin copies on onEnd (afterEmit)', async () => {
    const app = project.app('webpack-filemanager-copy', { ...MAIN, ...SECRETS })
    const copy = new FileManagerPlugin({
      context: app,
      events: { onEnd: { copy: [{ source: 'config/smartpay.json', destination: 'dist/' }] } },
    })
    await expectClosed(build(app, [copy]), join(app, 'dist'), 'dist/smartpay.json')
  })

  it('filemanager-webpack-plugin archives a folder into a zip on onEnd', async () => {
    const app = project.app('webpack-filemanager-archive', { ...MAIN, ...SECRETS })
    const archive = new FileManagerPlugin({
      context: app,
      events: { onEnd: { archive: [{ source: 'config', destination: 'dist/config.zip' }] } },
    })
    const unzipped = (dir: string) =>
      served(dir).filter((file) => file.endsWith('.zip') && statSync(join(dir, file)).size > 0)
    await expectClosed(build(app, [archive]), join(app, 'dist'), 'dist/config.zip', unzipped)
  })

  it('filemanager-webpack-plugin copies into the served root above output.path, named by servedDir', async () => {
    const app = project.app('webpack-filemanager-served-root', { ...MAIN, ...SECRETS })
    const copy = new FileManagerPlugin({
      context: app,
      events: { onEnd: { copy: [{ source: 'config/smartpay.json', destination: 'dist/' }] } },
    })
    await expectClosed(
      build(app, [copy], { servedDir: 'dist' }, 'dist/js'),
      join(app, 'dist'),
      'dist/smartpay.json',
    )
  })

  it('a plugin that writes when the build is done (an async done tap)', async () => {
    const app = project.app('webpack-writes-when-done', { ...MAIN })
    const late = {
      apply(compiler: {
        hooks: { done: { tapPromise(name: string, run: () => Promise<void>): void } }
      }) {
        compiler.hooks.done.tapPromise('writes-late', async () => {
          await new Promise((resolve) => setTimeout(resolve, 20))
          writeFileSync(join(app, 'dist/env.js'), `window.env = { key: "${KEY}" }`)
        })
      },
    }
    await expectClosed(build(app, [late]), join(app, 'dist'), 'dist/env.js')
  })

  it('control: a clean app with filemanager-webpack-plugin builds', async () => {
    const app = project.app('webpack-filemanager-clean', {
      ...MAIN,
      'config/public.json': '{ "publicKey": "pk_live_FakePublicKeyForTheSuite" }',
    })
    const copy = new FileManagerPlugin({
      context: app,
      events: { onEnd: { copy: [{ source: 'config/public.json', destination: 'dist/' }] } },
    })
    expectShipsNoKey(await build(app, [copy])(true))
  })
})

describe('Rollup and Rolldown: other plugins’ writeBundle and closeBundle', () => {
  const rollup =
    (app: string, plugins: unknown[], options: Options = {}, dir = 'dist') =>
    async (withFirewall: boolean) => {
      const factory = withFirewall ? [(await firewall(app, 'rollup'))(options)] : []
      return rollupBuild(
        app,
        'main.js',
        {},
        { plugins: [...factory, ...plugins] as never, output: { dir: join(app, dir) } },
      )
    }

  it('rollup-plugin-copy with output.dir dist/js copies into dist/, named by servedDir', async () => {
    const app = project.app('rollup-copy-served-root', { ...MAIN, ...SECRETS })
    const copy = rollupCopy({ targets: [{ src: join(app, 'config/*'), dest: join(app, 'dist') }] })
    await expectClosed(
      // Rollup reads servedDir from its working directory: the app's, for a user.
      rollup(app, [copy], { servedDir: join(app, 'dist') }, 'dist/js'),
      join(app, 'dist'),
      'dist/smartpay.json',
    )
  })

  it.each(['writeBundle', 'closeBundle'] as const)(
    'rollup-plugin-copy on %s, listed after the firewall',
    async (hook) => {
      const app = project.app(`rollup-copy-${hook}`, { ...MAIN, ...SECRETS })
      const copy = rollupCopy({
        hook,
        targets: [{ src: join(app, 'config/*'), dest: join(app, 'dist') }],
      })
      await expectClosed(rollup(app, [copy]), join(app, 'dist'), 'dist/smartpay.json')
    },
  )

  it('a deploy plugin whose async closeBundle writes a brotli-compressed file under its own name', async () => {
    const app = project.app('rollup-compress-late', { ...MAIN, ...SECRETS })
    const deploy = {
      name: 'deploy-compressed',
      async closeBundle() {
        await new Promise((resolve) => setTimeout(resolve, 20))
        const config = readFileSync(join(app, 'config/smartpay.json'))
        writeFileSync(join(app, 'dist/smartpay.json'), brotliCompressSync(config))
      },
    }
    await expectClosed(
      rollup(app, [deploy]),
      join(app, 'dist'),
      'dist/smartpay.json',
      holdingCompressed(brotliDecompressSync),
    )
  })

  it('rollup-plugin-copy in a Rolldown build with output.dir dist/js, named by servedDir', async () => {
    const app = project.app('rolldown-copy-served-root', { ...MAIN, ...SECRETS })
    const build = async (withFirewall: boolean) => {
      const copy = rollupCopy({
        hook: 'closeBundle',
        targets: [{ src: join(app, 'config/*'), dest: join(app, 'dist') }],
      })
      const factory = withFirewall
        ? [(await firewall(app, 'rollup'))({ servedDir: join(app, 'dist') })]
        : []
      return rolldownBuild(
        app,
        'main.js',
        { plugins: [...factory, copy] as never },
        { dir: join(app, 'dist/js') },
      )
    }
    await expectClosed(build, join(app, 'dist'), 'dist/smartpay.json')
  })

  it('control: a clean app with rollup-plugin-copy builds', async () => {
    const app = project.app('rollup-copy-clean', {
      ...MAIN,
      'config/public.json': '{ "publicKey": "pk_live_FakePublicKeyForTheSuite" }',
    })
    const copy = rollupCopy({ targets: [{ src: join(app, 'config/*'), dest: join(app, 'dist') }] })
    expectShipsNoKey(await rollup(app, [copy], { servedDir: join(app, 'dist') }, 'dist/js')(true))
  })
})
