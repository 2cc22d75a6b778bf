import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import type { Logger, Plugin, ResolvedConfig } from 'vite'
import { detectFramework } from '../frameworks.js'
import { findSecretKey } from '../scan/findSecretKeys.js'
import { bundleFiles } from '../served/bundleFiles.js'
import {
  type KeyInFile,
  keyInBundleMessage,
  keyInDefineMessage,
  keyInEnvMessage,
  keyInResponseMessage,
  PLUGIN_NAME,
  serverClientMessage,
} from '../served/messages.js'
import { createServedScan, shownDirs } from '../served/servedScan.js'
import { refuseKeysInResponses } from './devResponses.js'
import { type ChainContext, importChain } from './importChain.js'
import { lastScan } from './lastScan.js'

/** Options of {@link smartpayFirewall}: none yet. */
// biome-ignore lint/complexity/noBannedTypes: a place for future options, typed as no options.
export type SmartpayFirewallOptions = {}

/** Specifiers of the server client (any subpath). */
const SERVER_CLIENT = /^@smartpay-kit\/server-client(?:\/.*)?$/

/** `file` as `name/path` inside the package holding it (nearest package.json with a name). */
function inPackage(file: string): string | undefined {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (!existsSync(manifest)) continue
    const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown }
    if (typeof name === 'string') return `${name}/${relative(dir, file).split(sep).join('/')}`
  }
  return undefined
}

/** The entries of `values` whose value holds a secret key, with its fingerprint. */
function withKeys(values: Record<string, unknown>): { name: string; key: string }[] {
  return Object.entries(values).flatMap(([name, value]) => {
    const key = typeof value === 'string' ? findSecretKey(name, value) : undefined
    return key ? [{ name, key }] : []
  })
}

/** The message for a response refused by the dev or preview server, logged as it is made. */
function refusing(logger: Logger, server: 'dev' | 'preview') {
  return (url: string, key: string): string => {
    const message = keyInResponseMessage(url, key, server)
    logger.error(message)
    return message
  }
}

/**
 * A Vite plugin that keeps Smartpay secret keys out of everything a browser gets from a build
 * or the dev server. A build fails, naming the file, variable or import chain, when: any file a
 * browser can fetch (chunks, source maps, the HTML pages, assets of every kind, files copied from
 * `public/`, anything another plugin writes, and what a framework prerenders or its adapter
 * writes, read after every environment and every other plugin finished) holds a key, as is or
 * encoded (escapes, base64, data URLs, percent-encoding, compressed…); an env var exposed to
 * client code (`envPrefix`, default `VITE_`, and the framework's public prefixes) holds one; or
 * client code imports `@smartpay-kit/server-client`. `vite serve` refuses the same: it does not
 * start with such an env var or `define`, answers 500 instead of sending a response that holds
 * a key, and replaces an HMR message that holds one (an error's code frame) with an error.
 * `vite preview` answers 500 likewise. Server bundles are not checked: they may hold keys.
 * Messages show key fingerprints only. Put it after the framework's own plugin.
 * @example export default defineConfig({ plugins: [sveltekit(), smartpayFirewall()] })
 */
export function smartpayFirewall(_options: SmartpayFirewallOptions = {}): Plugin[] {
  let config: ResolvedConfig | undefined
  /** What this build read: the last hooks read only what is new. */
  const scan = createServedScan()
  const outDirs = new Set<string>()
  const envKeys = (): string | undefined => {
    if (!config) return undefined
    const own = ([] as string[]).concat(config.envPrefix ?? 'VITE_')
    // The framework's own public prefixes (Nuxt's NUXT_PUBLIC_, SvelteKit 2's PUBLIC_), which
    // Vite's `config.env` leaves out, from the environment (where Nuxt puts its .env files).
    const extra = (detectFramework(config.root)?.publicEnvPrefixes ?? []).filter(
      (prefix) => !own.includes(prefix),
    )
    const fromProcess = Object.entries(process.env).filter(([name]) =>
      extra.some((prefix) => name.startsWith(prefix)),
    )
    const env = { ...Object.fromEntries(fromProcess), ...config.env }
    const variables = withKeys(env)
    return variables.length > 0 ? keyInEnvMessage(variables, [...own, ...extra]) : undefined
  }
  const writtenKeys = (): string | undefined => {
    const root = config?.root ?? process.cwd()
    const found = scan.served(outDirs, root)
    return found.length > 0 ? keyInBundleMessage(found, shownDirs(outDirs, root)) : undefined
  }
  const firewall: Plugin = {
    name: PLUGIN_NAME,
    enforce: 'pre',
    // Only environments whose code runs in a browser; SSR and other server code may hold keys.
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    configResolved(resolved) {
      config = resolved
    },
    configureServer(server) {
      // The dev server refuses to start rather than serve a key: env vars reach every page as
      // import.meta.env, and every `define` is sent to the browser in /@vite/env.
      const env = envKeys()
      if (env) throw new Error(env)
      const define = withKeys(
        Object.fromEntries(
          Object.entries(server.config.define ?? {}).map(([name, value]) => [
            name,
            typeof value === 'string' ? value : JSON.stringify(value),
          ]),
        ),
      )
      if (define.length > 0) throw new Error(keyInDefineMessage(define))
      const refuse = refusing(server.config.logger, 'dev')
      // Added here, before Vite's own middlewares, so it sees every response they send.
      server.middlewares.use(refuseKeysInResponses(refuse))
      // HMR messages reach the page over a WebSocket, and an error's code frame quotes source.
      const hot = server.environments.client?.hot
      if (hot) {
        const send = hot.send.bind(hot) as (...args: unknown[]) => void
        hot.send = ((...args: unknown[]) => {
          const key = findSecretKey('hmr', JSON.stringify(args))
          if (!key) return send(...args)
          send({ type: 'error', err: { message: refuse('an HMR message', key), stack: '' } })
        }) as typeof hot.send
      }
    },
    // `vite preview` serves the output folder as it would be deployed: refuse the same there,
    // whatever wrote the files (a build without this plugin, a step that edits them after).
    configurePreviewServer(server) {
      server.middlewares.use(refuseKeysInResponses(refusing(server.config.logger, 'preview')))
    },
    buildStart() {
      scan.clear()
      outDirs.clear()
      if (config?.command !== 'build') return
      const env = envKeys()
      if (env) this.error(env)
    },
    resolveId: {
      filter: { id: SERVER_CLIENT },
      handler(source, importer) {
        const chain = importer
          ? importChain(this as unknown as ChainContext, importer, config?.root ?? '')
          : []
        this.error(serverClientMessage(chain, source))
      },
    },
    // A file of the server client reached by path (`../node_modules/…/dist/index.js`,
    // import.meta.glob) skips both the `exports` map and the specifier check above.
    load: {
      filter: { id: /server-client/ },
      handler(id) {
        const file = inPackage(id.replace(/[?#].*$/, ''))
        if (!file?.startsWith('@smartpay-kit/server-client/')) return null
        const chain = importChain(this as unknown as ChainContext, id, config?.root ?? '')
        chain.pop()
        this.error(serverClientMessage(chain, file))
      },
    },
    // After every other plugin's generateBundle: Vite emits the HTML pages there.
    generateBundle: {
      order: 'post',
      handler(output, bundle) {
        if (!config) return
        const dir = output.dir ?? (output.file ? dirname(output.file) : config.root)
        const found: KeyInFile[] = scan.pending(bundleFiles(bundle, dir, config.root))
        const { publicDir, build } = config
        if (publicDir && build.copyPublicDir) {
          const shown = relative(config.root, publicDir).split(sep).join('/') || publicDir
          found.push(...scan.copied(publicDir, dir, shown))
        }
        if (found.length > 0) this.error(keyInBundleMessage(found))
      },
    },
    // Then everything in the output folder as written: what this build and other plugins
    // wrote or copied there (and what an earlier build left, when it is not emptied).
    writeBundle: {
      order: 'post',
      sequential: true,
      handler(output) {
        const dir = output.dir ?? (output.file ? dirname(output.file) : undefined)
        if (!dir) return
        outDirs.add(dir)
        const message = writtenKeys()
        if (message) this.error(message)
      },
    },
  }
  // What plugins compress or copy after writing, what a framework prerenders or its adapter
  // writes: read by the last scan, after every environment and every other plugin.
  return [firewall, ...lastScan(scan)]
}
