/**
 * @smartpay-kit/firewall/rollup — the build-time layer of the secret-key firewall for
 * Rollup (4) and Rolldown.
 * @packageDocumentation
 */
import { keyInBundleMessage, PLUGIN_NAME } from './findings.js'
import { shownPath } from './keysInFiles.js'
import { keysInBundle, keysInWrittenFiles, type ReadFiles } from './outputFiles.js'

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
    handler(this: { error(message: string): never }, options: unknown, bundle: object): void
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
  const read: ReadFiles = new Map()
  const scanned = new Map<string, string>()
  return {
    name: PLUGIN_NAME,
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        read.clear()
        const found = keysInBundle(bundle as Parameters<typeof keysInBundle>[0], cwd(), read)
        if (found.length > 0) this.error(keyInBundleMessage(found))
      },
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(output) {
        const dir = output.dir ?? output.file?.replace(/[\\/][^\\/]*$/, '')
        if (!dir) return
        const found = keysInWrittenFiles(dir, scanned, read)
        if (found.length > 0) this.error(keyInBundleMessage(found, shownPath(dir, cwd())))
      },
    },
  }
}

/** The folder module ids and output paths are shown relative to. */
const cwd = () => (typeof process === 'undefined' ? '' : process.cwd())
