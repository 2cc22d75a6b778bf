/**
 * @smartpay-kit/firewall/webpack — the build-time layer of the secret-key firewall for
 * webpack 5.
 * @packageDocumentation
 */
import { join } from 'node:path'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { type SmartpayFirewallOptions, servedRoots } from './served/servedRoots.js'
import { createServedScan, shownDirs } from './served/servedScan.js'

export type { SmartpayFirewallOptions } from './served/servedRoots.js'

/** The parts of a compilation the plugin uses. */
interface Compilation {
  errors: Error[]
  outputOptions: { path?: string | undefined }
  hooks: {
    processAssets: {
      tap(
        options: { name: string; stage: number },
        callback: (assets: Record<string, { buffer(): Uint8Array }>) => void,
      ): void
    }
  }
}

/** A hook of the compiler the plugin taps last. */
interface LastHook<Argument> {
  tap(options: { name: string; stage: number }, callback: (argument: Argument) => void): void
}

/**
 * The plugin {@link smartpayFirewall} returns: a webpack 5 plugin instance. Typed structurally
 * so this package needs no webpack types.
 */
export interface SmartpayFirewallWebpackPlugin {
  /** Scans the assets at the last stage of `processAssets`, then the served folder. */
  apply(compiler: {
    context: string
    webpack: {
      Compilation: { PROCESS_ASSETS_STAGE_REPORT: number }
      WebpackError: new (message: string) => Error
    }
    hooks: {
      thisCompilation: { tap(name: string, callback: (compilation: Compilation) => void): void }
      afterEmit: LastHook<Compilation>
      done: LastHook<{ compilation: Compilation }>
    }
  }): void
}

/**
 * A webpack 5 plugin that fails a browser build whose served files hold a Smartpay secret key,
 * as is or encoded (escapes, base64 such as `Basic` credentials, data URLs, source maps,
 * compressed files…), naming the file and the fix. It reads every asset at the last stage of
 * `processAssets` (after minifying, source maps, HTML, copied and compressed assets) and
 * reports a compilation error, so a production build (`emitOnErrors: false`) writes nothing.
 * Then, after every other plugin's `afterEmit` and `done` (copy, archive and deploy plugins
 * that write after webpack did), it reads every file of the served folder: the output folder,
 * or `servedDir`. Messages show key fingerprints only. Use it in browser bundles only: server
 * code may hold keys.
 * @example module.exports = { entry: './src/main.js', plugins: [smartpayFirewall()] }
 */
export function smartpayFirewall(
  options: SmartpayFirewallOptions = {},
): SmartpayFirewallWebpackPlugin {
  return {
    apply(compiler) {
      const { Compilation, WebpackError } = compiler.webpack
      const scan = createServedScan()
      // Taps at the highest stage run after every other tap of the hook, whatever the order.
      const last = { name: PLUGIN_NAME, stage: Number.POSITIVE_INFINITY }
      const served = (compilation: Compilation) => {
        const base = compiler.context
        const roots = servedRoots(options, base, [compilation.outputOptions.path ?? base])
        const found = scan.served(roots, base)
        if (found.length > 0) {
          compilation.errors.push(
            new WebpackError(keyInBundleMessage(found, shownDirs(roots, base))),
          )
        }
      }
      compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
        scan.clear()
        compilation.hooks.processAssets.tap(
          { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
          (assets) => {
            const dir = compilation.outputOptions.path ?? compiler.context
            const found = scan.pending(
              Object.entries(assets).map(([file, source]) => ({
                path: join(dir, file),
                shown: file,
                bytes: source.buffer(),
              })),
            )
            if (found.length > 0)
              compilation.errors.push(new WebpackError(keyInBundleMessage(found)))
          },
        )
      })
      compiler.hooks.afterEmit.tap(last, served)
      compiler.hooks.done.tap(last, ({ compilation }) => served(compilation))
    },
  }
}
