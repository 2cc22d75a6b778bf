import type { SandboxCoreOptions, SandboxHandle } from '../engine/sandbox.js'

/**
 * Options of `createSandbox()` from `@smartpay-kit/sandbox/fetch`.
 * @example
 * createSandbox({ deliver: (request) => webhookHandler(request) })
 */
export interface InProcessSandboxOptions extends SandboxCoreOptions {
  /**
   * The origin of `url`/`apiUrl` and of checkout URLs. Requests never go there: `fetch` serves
   * them. A loopback address by default, so a client that forgets `fetch: sandbox.fetch`
   * fails on this machine instead of looking anything up.
   * @default 'https://127.0.0.1'
   */
  origin?: string
  /**
   * Receives every webhook delivery as a Fetch `Request` (e.g. your webhook handler, or an app's
   * `fetch`), whatever the endpoint's URL; nothing leaves the process. Without it, deliveries
   * go with the global `fetch` to loopback URLs (and `forwardTo` targets) only.
   */
  deliver?: (request: Request) => Response | Promise<Response>
}

/** A sandbox in this process: everything a sandbox offers, served through `fetch`. */
export type InProcessSandbox = SandboxHandle
