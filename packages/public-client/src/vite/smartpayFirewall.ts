import type { Plugin, ResolvedConfig, Rollup } from 'vite'
import {
  findSecretKey,
  keyInBundleMessage,
  keyInEnvMessage,
  PLUGIN_NAME,
  serverClientMessage,
} from './findings.js'
import { type ChainContext, importChain } from './importChain.js'

/** Options of {@link smartpayFirewall}. */
export interface SmartpayFirewallOptions {
  /**
   * What `vite serve` does about a finding: print a warning, or stop with an error.
   * `vite build` always fails: a build is what gets deployed.
   * @default 'warn'
   */
  dev?: 'warn' | 'error'
}

/** Specifiers of the server client (any subpath). */
const SERVER_CLIENT = /^@smartpay-kit\/server-client(?:\/.*)?$/

/** Emitted files that are text and reach the browser (scripts, pages, styles, maps, data). */
const TEXT_ASSET = /\.(?:[cm]?js|html?|css|map|json|txt|svg|webmanifest)$/i

type Context = Pick<Rollup.PluginContext, 'error' | 'warn'>

/**
 * A Vite plugin that fails a client build when a Smartpay secret key could reach the
 * browser: a client chunk or asset contains one, an env var exposed to client code
 * (`envPrefix`, default `VITE_`) holds one, or client code imports
 * `@smartpay-kit/server-client` (the import chain is printed). Server (SSR) builds are not
 * checked. Messages name the file, variable or chain and show key fingerprints only.
 * @example export default defineConfig({ plugins: [smartpayFirewall()] })
 */
export function smartpayFirewall(options: SmartpayFirewallOptions = {}): Plugin {
  let config: ResolvedConfig | undefined
  const warned = new Set<string>()
  const report = (context: Context, message: string, finding = message): void => {
    if (config?.command === 'build' || options.dev === 'error') context.error(message)
    // A dev server resolves the same import again and again (pre-transforms, reloads): warn once.
    if (!warned.has(finding)) context.warn(message)
    warned.add(finding)
  }
  return {
    name: PLUGIN_NAME,
    enforce: 'pre',
    // Only environments whose code runs in a browser; SSR and other server code may hold keys.
    applyToEnvironment: (environment) => environment.config.consumer === 'client',
    configResolved(resolved) {
      config = resolved
    },
    buildStart() {
      if (!config) return
      const variables = Object.entries(config.env).flatMap(([name, value]) => {
        const key = typeof value === 'string' ? findSecretKey(value) : undefined
        return key ? [{ name, key }] : []
      })
      const prefixes = ([] as string[]).concat(config.envPrefix ?? 'VITE_')
      if (variables.length > 0) report(this, keyInEnvMessage(variables, prefixes))
    },
    resolveId: {
      filter: { id: SERVER_CLIENT },
      handler(source, importer) {
        const chain = importer
          ? importChain(this as unknown as ChainContext, importer, config?.root ?? '')
          : []
        report(this, serverClientMessage(chain, source), `${importer}\0${source}`)
        return null
      },
    },
    generateBundle(_output, bundle) {
      const found: { file: string; key: string; module?: string }[] = []
      for (const file of Object.values(bundle)) {
        const text = file.type === 'chunk' ? file.code : assetText(file)
        const key = text === undefined ? undefined : findSecretKey(text)
        if (!key) continue
        const module = file.type === 'chunk' ? sourceModule(file, config?.root ?? '') : undefined
        found.push({ file: file.fileName, key, ...(module ? { module } : {}) })
      }
      if (found.length > 0) report(this, keyInBundleMessage(found))
    },
  }
}

function assetText(asset: Rollup.OutputAsset): string | undefined {
  if (!TEXT_ASSET.test(asset.fileName)) return undefined
  return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source)
}

/** The module whose rendered code holds the key, relative to the root. */
function sourceModule(chunk: Rollup.OutputChunk, root: string): string | undefined {
  for (const [id, rendered] of Object.entries(chunk.modules)) {
    if (rendered.code && findSecretKey(rendered.code)) {
      return id.startsWith(`${root}/`) ? id.slice(root.length + 1) : id
    }
  }
  return undefined
}
