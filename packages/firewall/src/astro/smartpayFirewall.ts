import { fileURLToPath } from 'node:url'
import { keysInServedDirs } from '../served/keysInServedDirs.js'
import { smartpayFirewall as vitePlugin } from '../vite/smartpayFirewall.js'

/** The Astro integration {@link smartpayFirewall} returns, typed structurally (no Astro types). */
export interface SmartpayFirewallIntegration {
  /** `@smartpay-kit/firewall`. */
  name: string
  /** The two Astro hooks it uses. */
  hooks: {
    /** Adds the Vite plugin to Astro's Vite config. */
    'astro:config:setup': (options: {
      config: { root: URL }
      updateConfig(config: { vite: object }): unknown
    }) => void
    /** Scans every file of the client output folder, after every page was generated. */
    'astro:build:done': (options: { dir: URL }) => void
  }
}

/**
 * An Astro integration that fails `astro build` when anything a browser can fetch holds a
 * Smartpay secret key, as is or encoded: the pages Astro generated (`<script define:vars>`,
 * props of islands, inline scripts and styles), client scripts, assets and `public/`, read in
 * `astro:build:done`, after every page was prerendered. It adds the Vite plugin too: a `PUBLIC_`
 * env var or a client import of `@smartpay-kit/server-client` fail the build, and `astro dev`
 * refuses responses that hold a key. Messages show key fingerprints only.
 * @example
 * // astro.config.mjs
 * import { smartpayFirewall } from '@smartpay-kit/firewall/astro'
 * export default defineConfig({ integrations: [smartpayFirewall()] })
 */
export function smartpayFirewall(): SmartpayFirewallIntegration {
  let root = process.cwd()
  return {
    name: '@smartpay-kit/firewall',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        root = fileURLToPath(config.root)
        updateConfig({ vite: { plugins: [vitePlugin()] } })
      },
      'astro:build:done': ({ dir }) => {
        const message = keysInServedDirs([{ dir: fileURLToPath(dir) }], root)
        if (message) throw new Error(message)
      },
    },
  }
}
