/**
 * @smartpay-kit/firewall/webpack — the build-time layer of the secret-key firewall for
 * webpack 5.
 * @packageDocumentation
 */
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { createServedScan } from './served/servedScan.js'

/**
 * The plugin {@link smartpayFirewall} returns: a webpack 5 plugin instance. Typed structurally
 * so this package needs no webpack types.
 */
export interface SmartpayFirewallWebpackPlugin {
  /** Scans the compilation's assets at the last stage of `processAssets`. */
  apply(compiler: {
    webpack: {
      Compilation: { PROCESS_ASSETS_STAGE_REPORT: number }
      WebpackError: new (message: string) => Error
    }
    hooks: {
      thisCompilation: {
        tap(
          name: string,
          callback: (compilation: {
            errors: Error[]
            hooks: {
              processAssets: {
                tap(
                  options: { name: string; stage: number },
                  callback: (assets: Record<string, { buffer(): Uint8Array }>) => void,
                ): void
              }
            }
          }) => void,
        ): void
      }
    }
  }): void
}

/**
 * A webpack 5 plugin that fails a browser build whose assets hold a Smartpay secret key, as is
 * or encoded (escapes, base64 such as `Basic` credentials, data URLs, source maps, compressed
 * files…), naming the file and the fix. It reads every asset at the last stage of
 * `processAssets` (`PROCESS_ASSETS_STAGE_REPORT`: after minifying, source maps, HTML and copied
 * files), and reports a compilation error, so a production build (`emitOnErrors: false`) writes
 * nothing. Messages show key fingerprints only. Use it in browser bundles only: server code may
 * hold keys.
 * @example module.exports = { entry: './src/main.js', plugins: [smartpayFirewall()] }
 */
export function smartpayFirewall(): SmartpayFirewallWebpackPlugin {
  return {
    apply(compiler) {
      const { Compilation, WebpackError } = compiler.webpack
      compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
        compilation.hooks.processAssets.tap(
          { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
          (assets) => {
            const found = createServedScan().pending(
              Object.entries(assets).map(([file, source]) => ({
                path: file,
                shown: file,
                bytes: source.buffer(),
              })),
            )
            if (found.length > 0)
              compilation.errors.push(new WebpackError(keyInBundleMessage(found)))
          },
        )
      })
    },
  }
}
