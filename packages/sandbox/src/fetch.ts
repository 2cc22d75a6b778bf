/**
 * @smartpay-kit/sandbox/fetch: the sandbox in-process, as a Fetch function. No server, port,
 * certificate or `node:*` import, so it runs in Node, Deno, Bun, Workers and browser tests.
 * @example
 * import { createSandbox } from '@smartpay-kit/sandbox/fetch'
 * const sandbox = createSandbox()
 * const smartpay = createServerClient({ secretKey, baseUrl: sandbox.apiUrl, fetch: sandbox.fetch })
 * @packageDocumentation
 */
import { DEFAULT_KEYS } from './auth.js'
import { createEngine } from './engine.js'
import type { InProcessSandbox, InProcessSandboxOptions } from './in-process.js'
import { fetchPoster } from './webhooks.js'

export type { CheckoutOutcome } from './checkout-actions.js'
export type { SandboxClock } from './clock.js'
export type { Fault, FaultKind, FaultMatch } from './faults.js'
export type { Mode } from './ids.js'
export type { InProcessSandbox, InProcessSandboxOptions } from './in-process.js'
export type * from './objects.js'
export type { RequestLogEntry, SandboxCoreOptions, SandboxHandle } from './sandbox.js'
export {
  type Delivery,
  type DeliveryAttempt,
  EVENT_TYPES,
  type EventType,
  type ForwardTo,
  type WebhookEvent,
  type WebhookRetryOptions,
} from './webhooks.js'
export { DEFAULT_KEYS }

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
