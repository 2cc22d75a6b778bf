// Where an env key comes from. Whether this is a shopper's browser is core's isShopperBrowser.
// Everything is read defensively, since each runtime has different globals.

/** The environment variable read when no `secretKey` is passed. */
export const SECRET_KEY_VARIABLE = 'SMARTPAY_SECRET_KEY'

/** The globals this file looks at, so tests can pass their own. */
export interface EnvGlobals {
  process?: { env?: Record<string, string | undefined> }
  Deno?: { env?: { get?(name: string): string | undefined } }
}

/**
 * `SMARTPAY_SECRET_KEY` from `process.env` (Node, Bun, Vercel) or `Deno.env`, or `undefined`.
 * Cloudflare Workers have no global env: pass `secretKey: env.SMARTPAY_SECRET_KEY` yourself.
 */
export function readSecretKeyFromEnv(
  globals: EnvGlobals = globalThis as EnvGlobals,
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
