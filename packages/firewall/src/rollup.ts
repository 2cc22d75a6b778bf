/**
 * @smartpay-kit/firewall/rollup — the build-time layer of the secret-key firewall for
 * Rollup (4) and Rolldown.
 * @packageDocumentation
 */
import { dirname } from 'node:path'
import { bundleFiles, type OutputBundle } from './served/bundleFiles.js'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { createServedScan, shownDirs } from './served/servedScan.js'

/**
 * The plugin {@link smartpayFirewall} returns: a Rollup/Rolldown plugin object. Typed
 * structurally so this package needs no Rollup types.
 */
export interface SmartpayFirewallRollupPlugin {
  /** `smartpay-firewall`. */
  name: string
  /** Scans every chunk (with its source map) and asset before anything is written. */
  generateBundle: {
    order: 'post'
    /** Fails the build, before writing, when a file of `bundle` holds a key. */
    handler(
      this: { error(message: string): never },
      options: { dir?: string | undefined; file?: string | undefined },
      bundle: object,
    ): void
  }
  /** Then every file in the output folder, as written by this build and other plugins. */
  writeBundle: {
    order: 'post'
    sequential: true
    /** Fails the build when a file of the output folder holds a key. */
    handler(
      this: { error(message: string): never },
      options: { dir?: string | undefined; file?: string | undefined },
    ): void
  }
}

/**
 * A Rollup (4) or Rolldown plugin that fails a client build whose output holds a Smartpay secret
 * key, as is or encoded (escapes, base64 such as `Basic` credentials, data URLs, inline or
 * separate source maps, compressed files…), naming the file, the source module and the fix.
 * It scans every chunk and asset before writing, then the written output folder (what other
 * plugins wrote or copied). Messages show key fingerprints only. Use it in browser bundles only:
 * server code may hold keys.
 * @example export default { input: 'src/main.js', plugins: [nodeResolve({ browser: true }), smartpayFirewall()] }
 */
export function smartpayFirewall(): SmartpayFirewallRollupPlugin {
  const scan = createServedScan()
  return {
    name: PLUGIN_NAME,
    generateBundle: {
      order: 'post',
      handler(output, bundle) {
        scan.clear()
        const dir = outputDir(output) ?? process.cwd()
        const found = scan.pending(bundleFiles(bundle as OutputBundle, dir, process.cwd()))
        if (found.length > 0) this.error(keyInBundleMessage(found))
      },
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(output) {
        const dir = outputDir(output)
        if (!dir) return
        const found = scan.served([dir], process.cwd())
        if (found.length > 0) this.error(keyInBundleMessage(found, shownDirs([dir], process.cwd())))
      },
    },
  }
}

type Output = { dir?: string | undefined; file?: string | undefined }

/** The folder a build writes to. */
const outputDir = (output: Output) => output.dir ?? (output.file ? dirname(output.file) : undefined)
