/**
 * @smartpay-kit/sandbox/fetch: the sandbox in-process, as a Fetch function. No server, port,
 * certificate or `node:*` import, so it runs in Node, Deno, Bun, Workers and browser tests.
 * @example
 * import { createSandbox } from '@smartpay-kit/sandbox/fetch'
 * const sandbox = createSandbox()
 * const smartpay = createServerClient({ secretKey, baseUrl: sandbox.apiUrl, fetch: sandbox.fetch })
 * @packageDocumentation
 */
import { createEngine } from './engine/engine.js'
import type { InProcessSandbox, InProcessSandboxOptions } from './hosts/inProcess.js'
import { fetchPoster } from './webhooks/delivery.js'

export * from './commonExports.js'
export type * from './domain/objects.js'
export type { InProcessSandbox, InProcessSandboxOptions } from './hosts/inProcess.js'

/**
 * Creates a sandbox that lives in this process: pass `sandbox.fetch` as a client's `fetch`
 * and `sandbox.apiUrl` as its `baseUrl`. Webhooks go to `deliver` when given (your handler:
 * nothing leaves the process), else with the global fetch to loopback URLs only.
 */
export function createSandbox(options: InProcessSandboxOptions = {}): InProcessSandbox {
  const { deliver, origin = 'https://127.0.0.1', ...core } = options
  const url = new URL(origin).origin
  const engine = createEngine({
    ...core,
    post: fetchPoster(deliver ?? ((request) => fetch(request))),
    anyTarget: deliver !== undefined,
  })
  engine.setOrigin(url)
  return {
    ...engine.handle(),
    url,
    apiUrl: `${url}/v1`,
    stop: async () => engine.stop(),
  }
}
