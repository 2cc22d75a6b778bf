import { createRequire } from 'node:module'
import { isAbsolute, join } from 'node:path'
import { pathToFileURL } from 'node:url'

// The app's own Next.js build adapter, which the firewall's adapter runs after its scan.
// withSmartpayFirewall passes its path in an env var: Next.js loads adapters by path only.

/** The env var holding the path of the app's own adapter. */
export const INNER_ADAPTER_VARIABLE = 'SMARTPAY_FIREWALL_NEXT_ADAPTER'

/** What this adapter reads of the build Next.js finished (`NextAdapter['onBuildComplete']`). */
export interface BuildComplete {
  outputs: {
    staticFiles: readonly { filePath: string }[]
    prerenders: readonly {
      pathname: string
      parentOutputId: string
      fallback?: { filePath?: string | undefined } | undefined
    }[]
    pages: readonly { id: string; sourcePage: string }[]
    appPages: readonly { id: string; sourcePage: string }[]
    appRoutes: readonly { id: string; sourcePage: string }[]
  }
  projectDir: string
  distDir: string
  config: { output?: string | undefined }
}

/** The part of `NextAdapter` this adapter implements, and an app's own adapter may. */
export interface Adapter {
  name: string
  modifyConfig?(config: NextConfig, context: { phase: string }): NextConfig | Promise<NextConfig>
  onBuildComplete?(context: BuildComplete): void | Promise<void>
}

/** What the adapter reads of a Next.js config. */
export interface NextConfig {
  env?: Record<string, string | undefined> | undefined
}

let inner: Promise<Adapter | undefined> | undefined
/** The app's own adapter, which runs after the scan. */
export function innerAdapter(): Promise<Adapter | undefined> {
  const path = process.env[INNER_ADAPTER_VARIABLE]
  // Absolute, as Next.js's docs write it (`require.resolve('./adapter.js')`), or a package name.
  const file =
    path && (isAbsolute(path) ? path : createRequire(join(process.cwd(), 'x')).resolve(path))
  inner ??= file
    ? import(pathToFileURL(file).href).then((module) => (module.default ?? module) as Adapter)
    : Promise.resolve(undefined)
  return inner
}
