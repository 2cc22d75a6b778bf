/**
 * @smartpay-kit/firewall/esbuild — the build-time layer of the secret-key firewall for
 * esbuild.
 * @packageDocumentation
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { createServedScan, type PendingFile, shownPath } from './served/servedScan.js'

/**
 * The plugin {@link smartpayFirewall} returns: an esbuild plugin object. Typed structurally so
 * this package needs no esbuild types.
 */
export interface SmartpayFirewallEsbuildPlugin {
  /** `smartpay-firewall`. */
  name: string
  /** Asks esbuild for a metafile, and scans the output when the build ends. */
  setup(build: {
    initialOptions: {
      metafile?: boolean | undefined
      write?: boolean | undefined
      absWorkingDir?: string | undefined
    }
    onEnd(
      callback: (result: {
        outputFiles?: { path: string; contents: Uint8Array }[] | undefined
        metafile?: { outputs: Record<string, unknown> } | undefined
      }) => { errors: { text: string }[] } | undefined,
    ): void
  }): void
}

/**
 * An esbuild plugin that fails a browser build whose output holds a Smartpay secret key, as is
 * or encoded (escapes, base64 such as `Basic` credentials, data URLs, inline or separate source
 * maps, compressed files…), naming the file and the fix. With `write: false` it scans
 * `outputFiles` before anything reaches the disk; otherwise it reads every file the build wrote
 * (from the metafile it turns on) and says not to deploy them. Messages show key fingerprints
 * only. Use it in browser bundles only: server code may hold keys.
 * @example await esbuild.build({ entryPoints: ['src/main.js'], bundle: true, outdir: 'dist', plugins: [smartpayFirewall()] })
 */
export function smartpayFirewall(): SmartpayFirewallEsbuildPlugin {
  return {
    name: PLUGIN_NAME,
    setup(build) {
      build.initialOptions.metafile = true
      const base = build.initialOptions.absWorkingDir ?? process.cwd()
      const written = build.initialOptions.write !== false
      build.onEnd((result) => {
        const files: PendingFile[] = result.outputFiles
          ? result.outputFiles.map(({ path, contents }) => ({
              path,
              shown: shownPath(path, base),
              bytes: contents,
            }))
          : Object.keys(result.metafile?.outputs ?? {}).map((file) => {
              const path = resolve(base, file)
              return { path, shown: shownPath(path, base), bytes: readFileSync(path) }
            })
        const found = createServedScan().pending(files)
        if (found.length === 0) return undefined
        const dirs = [...new Set(found.map(({ file }) => file.replace(/\/?[^/]*$/, '') || '.'))]
        const text = keyInBundleMessage(found, written ? dirs.join(', ') : undefined)
        return { errors: [{ text }] }
      })
    },
  }
}
