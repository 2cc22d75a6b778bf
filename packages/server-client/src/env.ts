// The one place that looks at the runtime: where an env key comes from, and whether this is a
// shopper's browser. Everything is read defensively, since each runtime has different globals.

/** The environment variable read when no `secretKey` is passed. */
export const SECRET_KEY_VARIABLE = 'SMARTPAY_SECRET_KEY'

/** The globals this file looks at, so tests can pass their own. */
export interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined>; versions?: { node?: string } }
  Deno?: { env?: { get?(name: string): string | undefined } }
  Bun?: unknown
  window?: unknown
  document?: unknown
  navigator?: { userAgent?: string }
}

/**
 * `SMARTPAY_SECRET_KEY` from `process.env` (Node, Bun, Vercel) or `Deno.env`, or `undefined`.
 * Cloudflare Workers have no global env: pass `secretKey: env.SMARTPAY_SECRET_KEY` yourself.
 */
export function readSecretKeyFromEnv(
  globals: RuntimeGlobals = globalThis as RuntimeGlobals,
): string | undefined {
  try {
    const value = globals.process?.env?.[SECRET_KEY_VARIABLE]
    if (value !== undefined) return value
  } catch {
    // An env proxy that throws (some edge runtimes) means there is none.
  }
  try {
    // Deno throws without --allow-env; that too means there is none.
    return globals.Deno?.env?.get?.(SECRET_KEY_VARIABLE) ?? undefined
  } catch {
    return undefined
  }
}

/**
 * True in a shopper's browser page: `window`, `document` and `navigator` all exist, and it is
 * neither a DOM emulation (happy-dom, jsdom) nor Node, Deno or Bun with DOM globals added.
 */
export function isRealBrowser(globals: RuntimeGlobals = globalThis as RuntimeGlobals): boolean {
  try {
    if (globals.window === undefined || globals.document === undefined) return false
    if (globals.navigator === undefined) return false
    const userAgent = String(globals.navigator.userAgent ?? '')
    if (/HappyDOM|jsdom/.test(userAgent)) return false
    if (globals.Deno !== undefined || globals.Bun !== undefined) return false
    if (typeof globals.process?.versions?.node === 'string') return false
    return true
  } catch {
    return false
  }
}
