/**
 * @smartpay-kit/sandbox/fetch: the sandbox in-process, as a Fetch function. No server, port,
 * certificate or `node:*` import, so it runs in Node, Deno, Bun, Workers and browser tests.
 * @example
 * import { createSandbox } from '@smartpay-kit/sandbox/fetch'
 * const sandbox = createSandbox()
 * const smartpay = createServerClient({ secretKey, baseUrl: sandbox.apiUrl, fetch: sandbox.fetch })
 * @packageDocumentation
 */
export * from './commonExports.js'
export type * from './domain/objects.js'
export {
  createSandbox,
  type InProcessSandbox,
  type InProcessSandboxOptions,
} from './hosts/inProcess.js'
