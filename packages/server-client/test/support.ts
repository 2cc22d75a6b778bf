import { afterEach, beforeEach, expect } from 'vitest'
import { failure } from '../../../tests/support/failure.js'
import {
  type RecordedRequest,
  startTestServer,
  type TestServer,
} from '../../../tests/support/httpsServer.js'
import {
  createServerClient,
  type SecretKey,
  type ServerClient,
  type ServerClientOptions,
  ValidationError,
} from '../src/index.js'

/** The docs' example key; its basic credentials as RFC 7617 builds them. */
export const KEY: SecretKey = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
export const LIVE_KEY: SecretKey = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
export const BASIC = `Basic ${Buffer.from(`${KEY}:`).toString('base64')}`
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/**
 * Starts a local HTTPS server for each test. Not one per file: a request a previous test left
 * in flight (an aborted or timed-out attempt reaches the server late on a busy machine) would
 * land in the next test's record.
 */
export function useServer(): { readonly server: TestServer } {
  const holder = {} as { server: TestServer }
  beforeEach(async () => {
    holder.server = await startTestServer()
  })
  afterEach(() => holder.server.close())
  return holder
}

/** A client pointed at the test server, with fast retries. */
export function clientFor(server: TestServer, options: ServerClientOptions = {}): ServerClient {
  return createServerClient({
    secretKey: KEY,
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    retry: { baseDelayMs: 5, maxDelayMs: 20 },
    ...options,
  })
}

/** The error a call rejects with; fails the test if it resolves (shared with core's tests). */
export { failure }

/** The one request the server saw. */
export function only(server: TestServer): RecordedRequest {
  expect(server.requests).toHaveLength(1)
  return server.requests[0] as RecordedRequest
}

/** A call made on a fresh client. */
export type Call = (client: ServerClient) => PromiseLike<unknown>

/** Asserts the call is refused with a ValidationError naming `field`, and nothing was sent. */
export async function expectRefused(
  server: TestServer,
  call: Call,
  field: string,
): Promise<ValidationError> {
  const error = await failure(call(clientFor(server)))
  expect(error).toBeInstanceOf(ValidationError)
  expect((error as ValidationError).field).toBe(field)
  expect(error.message).toContain('Nothing was sent')
  expect(server.requests).toHaveLength(0)
  return error as ValidationError
}
