import { framework } from '../frameworks.js'
import { findSecretKey } from '../scan/findSecretKeys.js'
import { keysInServedDirs } from '../served/keysInServedDirs.js'
import { keyInClientConfigMessage, keyInEnvMessage } from '../served/messages.js'
import { smartpayFirewall } from '../vite/smartpayFirewall.js'

/** What the module reads and sets of Nuxt, typed structurally (no Nuxt types). */
export interface NuxtLike {
  options: {
    dev: boolean
    rootDir: string
    vite: { plugins?: unknown[] }
    runtimeConfig: { public?: Record<string, unknown> }
  }
  /** Registers a Nuxt hook. */
  hook(name: 'nitro:init', callback: (nitro: NitroLike) => void): unknown
}

/** What the module reads of Nitro. */
export interface NitroLike {
  options: { output: { publicDir: string } }
  hooks: {
    /** Registers a Nitro hook. */
    hook(name: 'compiled', callback: () => void): unknown
  }
}

/** `name: fingerprint` of each value of `values` (flattened, JSON-encoded) that holds a key. */
function withKeys(values: Record<string, unknown>) {
  return Object.entries(values).flatMap(([name, value]) => {
    if (value === undefined) return []
    const key = findSecretKey(name, typeof value === 'string' ? value : JSON.stringify(value))
    return key ? [{ name, key }] : []
  })
}

/**
 * A Nuxt module that fails `nuxt build` and `nuxt generate` when anything a browser can fetch
 * holds a Smartpay secret key, as is or encoded: `.output/public` (the client build, `public/`,
 * prerendered pages and their `_payload.json`), read in Nitro's `compiled` hook, after
 * prerendering and the public assets' copy. It refuses a `NUXT_PUBLIC_` env var or a
 * `runtimeConfig.public` entry that holds a key (every page gets them), and adds the Vite plugin
 * to the client build. Messages show key fingerprints only.
 * @example
 * // nuxt.config.ts
 * export default defineNuxtConfig({ modules: ['@smartpay-kit/firewall/nuxt'] })
 */
export function smartpayFirewallModule(_options: unknown, nuxt: NuxtLike): void {
  nuxt.options.vite.plugins = [...(nuxt.options.vite.plugins ?? []), ...smartpayFirewall()]
  if (nuxt.options.dev) return
  const prefixes = framework('nuxt').publicEnvPrefixes
  const variables = withKeys(
    Object.fromEntries(
      Object.entries(process.env).filter(([name]) =>
        prefixes.some((each) => name.startsWith(each)),
      ),
    ),
  )
  if (variables.length > 0) throw new Error(keyInEnvMessage(variables, prefixes))
  const entries = withKeys(nuxt.options.runtimeConfig.public ?? {})
  if (entries.length > 0) {
    throw new Error(keyInClientConfigMessage(entries, '`runtimeConfig.public` of nuxt.config'))
  }
  nuxt.hook('nitro:init', (nitro) => {
    nitro.hooks.hook('compiled', () => {
      const message = keysInServedDirs(
        [{ dir: nitro.options.output.publicDir }],
        nuxt.options.rootDir,
      )
      if (message) throw new Error(message)
    })
  })
}

/** What Nuxt shows for the module. */
smartpayFirewallModule.meta = { name: '@smartpay-kit/firewall/nuxt' }
