/** Who built on the client, named in its `User-Agent` (Stripe's `appInfo`). */
export interface AppInfo {
  /** Your plugin's or app's name, e.g. `acme-shop-plugin`. */
  name: string
  /** Its version, e.g. `1.4.0`. */
  version?: string
  /** Where to learn about it. */
  url?: string
}

declare const __SMARTPAY_KIT_VERSION__: string | undefined

/** This package's version, set by the build (`0.0.0-dev` when run from source). */
export const VERSION: string =
  typeof __SMARTPAY_KIT_VERSION__ === 'string' ? __SMARTPAY_KIT_VERSION__ : '0.0.0-dev'

/** Keeps a product token to what a header may hold. */
const token = (text: string) => text.replace(/[^\w.!#$%&'*+^`|~-]/g, '-')

/**
 * The server transport's `User-Agent`: this package and version, the runtime (from
 * `navigator.userAgent` where it names one: Node ≥ 21, Deno, Bun, Workers), and `appInfo`.
 * @example userAgent({ name: 'acme-plugin', version: '1.4.0' }) // 'smartpay-kit/0.1.0 Node.js/22.12.0 acme-plugin/1.4.0'
 */
export function userAgent(app?: AppInfo): string {
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions
    ?.node
  const runtime = globalThis.navigator?.userAgent ?? (node ? `Node.js/${node}` : 'unknown-runtime')
  const plugin = app
    ? ` ${token(app.name)}${app.version ? `/${token(app.version)}` : ''}${app.url ? ` (+${app.url.replace(/[^\x21-\x7e]/g, '')})` : ''}`
    : ''
  return `smartpay-kit/${VERSION} ${runtime}${plugin}`
}
