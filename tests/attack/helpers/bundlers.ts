import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import nodeResolve, { type RollupNodeResolveOptions } from '@rollup/plugin-node-resolve'
import * as esbuild from 'esbuild'
import {
  type InputOptions as RolldownInputOptions,
  type OutputOptions as RolldownOutputOptions,
  rolldown,
} from 'rolldown'
import { type OutputOptions, type Plugin as RollupPlugin, rollup } from 'rollup'
import { build, type InlineConfig, mergeConfig } from 'vite'
import type webpackType from 'webpack'
import { PACKAGES } from './project.js'

// Each bundler through its JS API, as close to its defaults as a user's config would be.

/** What a build did: the error it failed with (colours removed), or where it wrote. */
export interface Outcome {
  error?: string
  outDir: string
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes
const plain = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '')

type Plugin = typeof import('../../../packages/firewall/src/vite/index.ts')

/** `smartpayFirewall` from the built `@smartpay-kit/firewall/vite`, as users import it. */
export async function firewall(): Promise<ReturnType<Plugin['smartpayFirewall']>> {
  const url = pathToFileURL(join(PACKAGES, 'firewall/dist/vite.js')).href
  const plugin = (await import(url)) as Plugin
  return plugin.smartpayFirewall()
}

/** A Vite client build with `smartpayFirewall()` (unless `firewall: false`), written to dist/. */
export async function viteBuild(
  app: string,
  config: InlineConfig = {},
  options: { firewall?: boolean } = {},
): Promise<Outcome> {
  const outDir = join(app, 'dist')
  const base: InlineConfig = {
    configFile: false,
    root: app,
    mode: 'production',
    logLevel: 'silent',
    cacheDir: join(app, 'node_modules/.vite'),
    plugins: options.firewall === false ? [] : [await firewall()],
    build: { outDir, emptyOutDir: true },
  }
  try {
    await build(mergeConfig(base, config))
    return { outDir }
  } catch (error) {
    const errors = (error as { errors?: { message: string }[] }).errors ?? []
    const text = [String((error as Error).message), ...errors.map((each) => each.message)]
    return { error: plain(text.join('\n')), outDir }
  }
}

/** An esbuild bundle of `entry` (platform browser unless given), written to dist/. */
export async function esbuildBuild(
  app: string,
  entry: string,
  options: esbuild.BuildOptions = {},
): Promise<Outcome> {
  const outDir = join(app, 'dist')
  try {
    await esbuild.build({
      absWorkingDir: app,
      entryPoints: [entry],
      bundle: true,
      outdir: outDir,
      format: 'esm',
      platform: 'browser',
      logLevel: 'silent',
      ...options,
    })
    return { outDir }
  } catch (error) {
    return { error: plain(String((error as Error).message)), outDir }
  }
}

/** A Rollup bundle of `entry` with `nodeResolve(options)` and `plugins`, written to dist/. */
export async function rollupBuild(
  app: string,
  entry: string,
  options: RollupNodeResolveOptions = {},
  extra: { plugins?: RollupPlugin[]; output?: OutputOptions } = {},
): Promise<Outcome> {
  const outDir = join(app, 'dist')
  try {
    const bundle = await rollup({
      input: join(app, entry),
      plugins: [nodeResolve(options), ...(extra.plugins ?? [])],
      onwarn: () => {},
    })
    await bundle.write({ dir: outDir, format: 'es', ...extra.output })
    await bundle.close()
    return { outDir }
  } catch (error) {
    return { error: plain(String((error as Error).message)), outDir }
  }
}

/**
 * A Rolldown bundle of `entry` with `options` (its platform default unless given: `browser`,
 * or `node` for `output.format: 'cjs'`), written to dist/.
 */
export async function rolldownBuild(
  app: string,
  entry: string,
  options: RolldownInputOptions = {},
  output: RolldownOutputOptions = {},
): Promise<Outcome> {
  const outDir = join(app, 'dist')
  try {
    const bundle = await rolldown({ input: join(app, entry), logLevel: 'silent', ...options })
    try {
      await bundle.write({ dir: outDir, ...output })
    } finally {
      await bundle.close()
    }
    return { outDir }
  } catch (error) {
    return { error: plain(String((error as Error).message)), outDir }
  }
}

const require = createRequire(import.meta.url)

/** A webpack 5 production build of `entry` for `target`, written to dist/. */
export function webpackBuild(
  app: string,
  entry: string,
  config: webpackType.Configuration = {},
): Promise<Outcome> {
  const webpack = require('webpack') as typeof webpackType
  const outDir = join(app, 'dist')
  return new Promise((resolve, reject) => {
    const compiler = webpack({
      mode: 'production',
      context: app,
      entry: `./${entry}`,
      target: 'web',
      devtool: false,
      performance: { hints: false },
      output: { path: outDir, clean: true },
      ...config,
    })
    compiler.run((error, stats) => {
      compiler.close(() => {
        if (error) return reject(error)
        if (!stats?.hasErrors()) return resolve({ outDir })
        const text = stats.toString({ all: false, errors: true, colors: false })
        resolve({ error: plain(text), outDir })
      })
    })
  })
}
