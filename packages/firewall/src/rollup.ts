/**
 * @smartpay-kit/firewall/rollup — the build-time layer of the secret-key firewall for
 * Rollup (4) and Rolldown.
 * @packageDocumentation
 */
import { dirname } from 'node:path'
import { bundleFiles, type OutputBundle } from './served/bundleFiles.js'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { type SmartpayFirewallOptions, servedRoots } from './served/servedRoots.js'
import { createServedScan, shownDirs } from './served/servedScan.js'

export type { SmartpayFirewallOptions } from './served/servedRoots.js'

/** The output options the plugin reads. */
interface Output {
  dir?: string | undefined
  file?: string | undefined
}

/** `this` in a hook: the one method the plugin calls. */
interface Context {
  error(message: string): never
}

/**
 * The plugin {@link smartpayFirewall} returns: a Rollup/Rolldown plugin object. Typed
 * structurally so this package needs no Rollup types.
 */
export interface SmartpayFirewallRollupPlugin {
  /** `smartpay-firewall`. */
  name: string
  /** Forgets the previous build. */
  buildStart(): void
  /** Scans every chunk (with its source map) and asset before anything is written. */
  generateBundle: {
    order: 'post'
    /** Fails the build, before writing, when a file of `bundle` holds a key. */
    handler(this: Context, options: Output, bundle: object): void
  }
  /** Then the served folder, as written by this build and the plugins before this one. */
  writeBundle: {
    order: 'post'
    sequential: true
    /** Fails the build when a served file holds a key. */
    handler(this: Context, options: Output): void
  }
  /** Last, the served folder again, after every other plugin's `closeBundle`. */
  closeBundle: {
    order: 'post'
    sequential: true
    /** Fails `bundle.close()` when a served file written since holds a key. */
    handler(this: Context): void
  }
}

/**
 * A Rollup (4) or Rolldown plugin that fails a client build whose served files hold a Smartpay
 * secret key, as is or encoded (escapes, base64 such as `Basic` credentials, data URLs, inline
 * or separate source maps, compressed files…), naming the file, the source module and the fix.
 * It scans every chunk and asset before writing; then, after every other plugin wrote, copied or
 * compressed (`writeBundle`, and `closeBundle` for those that write there), every file of the
 * served folder: the output folder, or `servedDir`. Messages show key fingerprints only. Use it
 * in browser bundles only: server code may hold keys.
 * @example export default { input: 'src/main.js', plugins: [nodeResolve({ browser: true }), smartpayFirewall()] }
 */
export function smartpayFirewall(
  options: SmartpayFirewallOptions = {},
): SmartpayFirewallRollupPlugin {
  const scan = createServedScan()
  /** The output folders of this build (one per output). */
  const outputs = new Set<string>()
  const servedKeys = (context: Context) => {
    const base = process.cwd()
    const roots = servedRoots(options, base, outputs)
    const found = scan.served(roots, base)
    if (found.length > 0) context.error(keyInBundleMessage(found, shownDirs(roots, base)))
  }
  return {
    name: PLUGIN_NAME,
    buildStart() {
      scan.clear()
      outputs.clear()
    },
    generateBundle: {
      order: 'post',
      handler(output, bundle) {
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
        if (dir) outputs.add(dir)
        servedKeys(this)
      },
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        if (outputs.size > 0 || options.servedDir !== undefined) servedKeys(this)
      },
    },
  }
}

/** The folder a build writes to. */
const outputDir = (output: Output) => output.dir ?? (output.file ? dirname(output.file) : undefined)
