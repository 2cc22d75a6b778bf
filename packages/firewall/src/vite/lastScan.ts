import { dirname, resolve } from 'node:path'
import type { Plugin, ViteBuilder } from 'vite'
import { detectFramework, type Framework, servedDirs } from '../frameworks.js'
import { keyInBundleMessage, PLUGIN_NAME } from '../served/messages.js'
import {
  createServedScan,
  type ServedDir,
  type ServedScan,
  shownDirs,
} from '../served/servedScan.js'

const VITE_MODULE = '@smartpay-kit/firewall/vite'

/**
 * The roots whose app build (`buildApp`) is under way. Module state on purpose: Vite makes a
 * plugin instance per environment, and they all load this one module.
 */
const appBuilds = new Set<string>()

/** Builds every environment, as Vite does when no `buildApp` built one. */
async function buildAll(builder: ViteBuilder): Promise<void> {
  for (const environment of Object.values(builder.environments)) await builder.build(environment)
}

/**
 * The firewall's last scan of a Vite build: every client environment's output folder and the
 * framework's served folders (SvelteKit's adapter output, React Router's `build/client`, from
 * the frameworks table), read after every environment and every other plugin finished, so it
 * sees what a framework prerenders, an adapter writes or a plugin copies late. Two plugins: one
 * ordered before the others, to see an app build start, and one after them, for the scan.
 *
 * Where the end is depends on how the build runs, so it scans at each end and reads only files
 * new since it last read them:
 * - `buildApp` (order `post`; Vite 7+) after the app's own `buildApp` and every other plugin's,
 *   including SvelteKit's adapter. When nothing is built yet, it builds every environment first,
 *   as Vite would right after it.
 * - Vite 6 runs no plugin `buildApp` hook: it wraps the app's own `builder.buildApp` instead.
 * - `closeBundle` (order `post`, sequential: after every other plugin's, async ones too) of each
 *   environment, server ones included: for a build of one environment outside an app build
 *   (Vite's `build()` API, as React Router's CLI calls it), its last hook. Inside an app build it
 *   reads only client output: the framework's folders may still hold the previous build's files.
 */
export function lastScan(scan: ServedScan = createServedScan()): Plugin[] {
  let root = process.cwd()
  let framework: Framework | undefined
  const clientDirs = new Set<string>()
  // Only where the framework's last hook is Vite's (SvelteKit, React Router); Next.js, Nuxt and
  // Astro write theirs after every Vite build, and their own modules scan there.
  const frameworkDirs = (): ServedDir[] =>
    framework && framework.id !== 'vite' && framework.wiring.from === VITE_MODULE
      ? servedDirs(framework, root)
      : []
  const keysIn = (dirs: readonly ServedDir[]): string | undefined => {
    const found = scan.served(dirs, root)
    if (found.length === 0) return undefined
    return keyInBundleMessage(found, shownDirs(new Set(dirs.map(({ dir }) => dir)), root))
  }
  const afterApp = (builder: ViteBuilder): void => {
    const clients = Object.values(builder.environments)
      .filter((environment) => environment.config.consumer === 'client')
      .map((environment) => ({ dir: resolve(root, environment.config.build.outDir) }))
    const message = keysIn([...clients, ...frameworkDirs()])
    if (message) throw new Error(message)
  }
  const start: Plugin = {
    name: `${PLUGIN_NAME}:app-build`,
    apply: 'build',
    enforce: 'pre',
    buildApp: {
      order: 'pre',
      async handler() {
        appBuilds.add(root)
      },
    },
  }
  const last: Plugin = {
    name: `${PLUGIN_NAME}:last-scan`,
    apply: 'build',
    enforce: 'post',
    config(config) {
      const modern = typeof this?.meta?.viteVersion === 'string'
      const { builder } = config
      if (modern || !builder) return undefined
      // Vite 6: the app's buildApp (or the default one) is the last thing a build runs.
      const inner = builder.buildApp
      return {
        builder: {
          async buildApp(app: ViteBuilder) {
            appBuilds.add(root)
            try {
              await (inner ? inner(app) : buildAll(app))
              afterApp(app)
            } finally {
              appBuilds.delete(root)
            }
          },
        },
      }
    },
    configResolved(config) {
      root = config.root
      framework = detectFramework(root)
    },
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(output) {
        if (this.environment?.config.consumer !== 'client') return
        const dir = output.dir ?? (output.file ? dirname(output.file) : undefined)
        if (dir) clientDirs.add(resolve(root, dir))
      },
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        const dirs = [...clientDirs].map((dir) => ({ dir }))
        const message = keysIn(appBuilds.has(root) ? dirs : [...dirs, ...frameworkDirs()])
        if (message) this.error(message)
      },
    },
    buildApp: {
      order: 'post',
      async handler(builder) {
        try {
          if (Object.values(builder.environments).every((environment) => !environment.isBuilt)) {
            await buildAll(builder)
          }
          afterApp(builder)
        } finally {
          appBuilds.delete(root)
        }
      },
    },
  }
  return [start, last]
}
