import { fingerprint, ROLL_KEYS_URL, type SecretKey } from '@smartpay-kit/core'
import { authorizationHeader } from '@smartpay-kit/core/internal'

/** React's taint API: in its experimental builds, under the `react-server` condition only. */
export interface TaintApi {
  experimental_taintUniqueValue?:
    | ((message: string, lifetime: object, value: string) => void)
    | undefined
  experimental_taintObjectReference?: ((message: string, object: object) => void) | undefined
}

/** Keys already tainted: each once, for as long as the process lives. */
const tainted = new Set<string>()

/** What React throws when a tainted key or client is about to reach a Client Component. */
export function taintMessage(key: SecretKey | undefined): string {
  const shown = key === undefined ? '' : ` (${fingerprint(key)})`
  return (
    `[smartpay-kit] A Smartpay secret key${shown}, or a client or an Authorization header made from it, ` +
    'was passed to a Client Component or sent to the browser; React refused it (@smartpay-kit/server-client taints the key). ' +
    'Keep the key and the server client in Server Components, route handlers and server actions, and pass the page only what it needs (an order id, a checkout URL). ' +
    `If it reached a browser before, roll it at ${ROLL_KEYS_URL}.`
  )
}

/**
 * Taints `key` and the `Basic` and `Bearer` header values made from it with React's taint API,
 * for the life of the process, and `holder` (the client or transport made with it), so that
 * React refuses to pass any of them to a Client Component, with {@link taintMessage}. Does
 * nothing where `react` has no taint API (stable builds; Next.js turns it on with
 * `experimental: { taint: true }`), and carries on if it throws. A client made before its key
 * is known (no key passed, none in the environment yet: it reads the key at its first call) has
 * only itself tainted; the process that serves pages has the key in its environment when the
 * module makes the client, and there the key is tainted too.
 */
export function taintSecretKey(react: TaintApi, key: SecretKey | undefined, holder: object): void {
  const {
    experimental_taintUniqueValue: taintValue,
    experimental_taintObjectReference: taintObject,
  } = react
  const message = taintMessage(key)
  try {
    if (typeof taintObject === 'function') taintObject(message, holder)
    if (key === undefined || typeof taintValue !== 'function' || tainted.has(key)) return
    // Each derived string is a value of its own: taint every form the key travels in.
    for (const value of [
      key,
      authorizationHeader(key, 'basic'),
      authorizationHeader(key, 'bearer'),
    ])
      taintValue(message, globalThis, value)
    tainted.add(key)
  } catch {
    // Taint switched off, or a React whose API differs: the other layers still hold.
  }
}
