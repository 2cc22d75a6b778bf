/**
 * @smartpay-kit/firewall/esbuild — the build-time layer of the secret-key firewall for
 * esbuild.
 * @packageDocumentation
 */
import { dirname } from 'node:path'
import { type KeyInFile, keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { type SmartpayFirewallOptions, servedRoots } from './served/servedRoots.js'
import { createServedScan, shownDirs, shownPath } from './served/servedScan.js'

export type { SmartpayFirewallOptions } from './served/servedRoots.js'

/** What an `onEnd` callback returns: the build's errors, when there are. */
type Errors = { errors: { text: string }[] } | undefined

/**
 * The plugin {@link smartpayFirewall} returns: an esbuild plugin object. Typed structurally so
 * this package needs no esbuild types.
 */
export interface SmartpayFirewallEsbuildPlugin {
  /** `smartpay-firewall`. */
  name: string
  /** Scans the output when the build ends, and again after every other `onEnd`. */
  setup(build: {
    initialOptions: {
      outdir?: string | undefined
      outfile?: string | undefined
      write?: boolean | undefined
      absWorkingDir?: string | undefined
    }
    onStart(callback: () => undefined): void
    onEnd(
      callback: (result: {
        outputFiles?: { path: string; contents: Uint8Array }[] | undefined
      }) => Errors,
    ): void
  }): void
}

/**
 * An esbuild plugin that fails a browser build whose served files hold a Smartpay secret key,
 * as is or encoded (escapes, base64 such as `Basic` credentials, data URLs, inline or separate
 * source maps, compressed files…), naming the file and the fix. When the build ends it scans
 * the output (with `write: false`, `outputFiles` before anything reaches the disk), then, after
 * every other plugin's `onEnd` (copy, compress and deploy plugins), every file of the served
 * folder: the output folder, or `servedDir`. A file found on disk is already written: the
 * message says not to deploy it. Messages show key fingerprints only. Use it in browser bundles
 * only: server code may hold keys.
 * @example await esbuild.build({ entryPoints: ['src/main.js'], bundle: true, outdir: 'dist', plugins: [smartpayFirewall()] })
 */
export function smartpayFirewall(
  options: SmartpayFirewallOptions = {},
): SmartpayFirewallEsbuildPlugin {
  return {
    name: PLUGIN_NAME,
    setup(build) {
      const { outdir, outfile, write, absWorkingDir } = build.initialOptions
      const base = absWorkingDir ?? process.cwd()
      const output = outdir ?? (outfile ? dirname(outfile) : undefined)
      const roots = servedRoots(options, base, write === false || !output ? [] : [output])
      const scan = createServedScan()
      const report = (found: KeyInFile[], written: boolean): Errors =>
        found.length > 0
          ? {
              errors: [
                { text: keyInBundleMessage(found, written ? shownDirs(roots, base) : undefined) },
              ],
            }
          : undefined
      const served = () => report(scan.served(roots, base), true)
      let last = false
      build.onStart(() => {
        scan.clear()
        // esbuild runs `onEnd` callbacks one after the other, in the order they were added, and
        // gives no order option: this one, added after every plugin's setup, runs after them all.
        if (!last) build.onEnd(served)
        last = true
        return undefined
      })
      build.onEnd((result) => {
        if (!result.outputFiles) return served()
        const files = result.outputFiles.map(({ path, contents }) => ({
          path,
          shown: shownPath(path, base),
          bytes: contents,
        }))
        return report(scan.pending(files), false)
      })
    },
  }
}
