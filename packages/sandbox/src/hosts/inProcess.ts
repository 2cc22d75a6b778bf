import { createEngine } from '../engine/engine.js'
import type { SandboxCoreOptions, SandboxHandle } from '../engine/sandbox.js'
import type { WebhookPoster } from '../webhooks/delivery.js'

/**
 * Options of `createSandbox()` from `@smartpay-kit/sandbox/fetch`.
 * @example
 * createSandbox({ deliver: (request) => webhookHandler(request) })
 */
export interface InProcessSandboxOptions extends SandboxCoreOptions {
  /**
   * The origin of `url`/`apiUrl` and of checkout URLs. Requests never go there: `fetch` serves
   * them. A loopback address by default, so a client that forgets `fetch: sandbox.fetch`
   * fails on this machine instead of looking anything up. Left out, a checkout session's `url`
   * is on the origin its API request came to: served by a Worker (`fetch: (request) =>
   * sandbox.fetch(request)`), the hosted page is where the shopper reaches the Worker.
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

/** Posts with a Fetch function (the global one by default), for runtimes without node:http. */
function fetchPoster(send: (request: Request) => Promise<Response> | Response): WebhookPoster {
  return async (url, body, headers, signal) => {
    const response = await send(
      new Request(url, { method: 'POST', headers, body, redirect: 'manual', signal }),
    )
    await response.body?.cancel()
    return response.status
  }
}

/**
 * Creates a sandbox that lives in this process: pass `sandbox.fetch` as a client's `fetch`
 * and `sandbox.apiUrl` as its `baseUrl`. Webhooks go to `deliver` when given (your handler:
 * nothing leaves the process), else with the global fetch to loopback URLs only.
 */
export function createSandbox(options: InProcessSandboxOptions = {}): InProcessSandbox {
  const { deliver, origin, ...core } = options
  const url = new URL(origin ?? 'https://127.0.0.1').origin
  const engine = createEngine({
    ...core,
    post: fetchPoster(deliver ?? ((request) => fetch(request))),
    anyTarget: deliver !== undefined,
    originFromRequest: origin === undefined,
  })
  engine.setOrigin(url)
  return {
    ...engine.handle(),
    url,
    apiUrl: `${url}/v1`,
    stop: async () => engine.stop(),
  }
}
