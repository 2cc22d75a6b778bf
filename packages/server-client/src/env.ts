// Where an env key comes from. Whether this is a shopper's browser is core's isShopperBrowser.
// Everything is read defensively, since each runtime has different globals.

/** The environment variable read when no `secretKey` is passed. */
export const SECRET_KEY_VARIABLE = 'SMARTPAY_SECRET_KEY'

/** The environment variable read when no `baseUrl` is passed (the official SDKs' name). */
export const API_PREFIX_VARIABLE = 'SMARTPAY_API_PREFIX'

/** The globals this file looks at, so tests can pass their own. */
export interface EnvGlobals {
  process?: { env?: Record<string, string | undefined> }
  Deno?: {
    env?: { get?(name: string): string | undefined }
    permissions?: { querySync?(descriptor: { name: 'env'; variable: string }): { state: string } }
  }
}

/**
 * An environment variable from `process.env` (Node, Bun, Vercel, Workers with `nodejs_compat`)
 * or `Deno.env`, or `undefined` when it is unset or empty (CI systems set a missing secret to
 * `''`). With `ask: false`, Deno is read only where env access is already granted, so a
 * variable the user never asked for brings up no permission prompt.
 */
export function readEnv(
  name: string,
  { ask = true, globals = globalThis as EnvGlobals }: { ask?: boolean; globals?: EnvGlobals } = {},
): string | undefined {
  try {
    const value = globals.process?.env?.[name]
    if (value !== undefined) return value || undefined
  } catch {
    // An env proxy that throws (some edge runtimes) means there is none.
  }
  try {
    const { Deno } = globals
    if (!ask && Deno?.permissions?.querySync?.({ name: 'env', variable: name }).state !== 'granted')
      return undefined
    // Deno throws without --allow-env; that too means there is none.
    return Deno?.env?.get?.(name) || undefined
  } catch {
    return undefined
  }
}

// What a framework sets while its build imports route modules, where a handler made at module
// level must not throw for a secret that only the deployed server has: Next.js's build workers
// ("Collecting page data", prerendering; `next start` leaves NEXT_PHASE unset in its routes) and
// SvelteKit's analyse and prerender workers (an internal marker of SvelteKit's, seen in 3.4).
const BUILD_MARKERS = [
  ['NEXT_PHASE', 'phase-production-build'],
  ['SVELTEKIT_FORK', 'true'],
] as const

/** `NAME=value` of the framework build this process is running, or `undefined`. */
export function frameworkBuild(globals?: EnvGlobals): string | undefined {
  for (const [name, value] of BUILD_MARKERS) {
    if (readEnv(name, globals ? { ask: false, globals } : { ask: false }) === value)
      return `${name}=${value}`
  }
  return undefined
}
