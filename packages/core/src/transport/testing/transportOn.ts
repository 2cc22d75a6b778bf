// What the transport's tests share: the key, the printed forms of the Basic header and of an
// idempotency key, and a full transport on a test's local HTTPS server.
import { afterEach, beforeEach, expect } from 'vitest'
import { printed } from '../../../../../tests/support/failure.js'
import { startTestServer, type TestServer } from '../../../../../tests/support/httpsServer.js'
import type { Transport } from '../Connection.js'
import { createTransport } from '../createTransport.js'
import type { TransportOptions } from '../options.js'

export const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
export const BASIC = `Basic ${btoa(`${KEY}:`)}`
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** A backoff of milliseconds, so tests that retry take no time. */
export const fast = { retry: { baseDelayMs: 5, maxDelayMs: 20 } } satisfies TransportOptions

/**
 * The running test's local HTTPS server: a fresh one per test, closed after it, so a request a
 * previous test left in flight (an aborted or timed-out attempt reaches the server late on a
 * busy machine) lands on that test's closed server, never in this test's record.
 */
export function serverPerTest(): TestServer {
  let current: TestServer | undefined
  beforeEach(async () => {
    current = await startTestServer()
  })
  afterEach(() => current?.close())
  return new Proxy({} as TestServer, {
    get(_, name) {
      if (!current) throw new Error('The test server starts before each test.')
      const value = Reflect.get(current, name)
      return typeof value === 'function' ? value.bind(current) : value
    },
  })
}

/** The full transport on `server` with {@link KEY}, the fast backoff, and `options` over both. */
export function transportOn(server: TestServer, options: TransportOptions = {}): Transport {
  return createTransport(KEY, 'basic', {
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    ...fast,
    ...options,
  })
}

/** Asserts the key appears in no form anywhere in the error. */
export function expectNoKey(value: unknown): void {
  for (const dump of printed(value)) {
    expect(dump).not.toContain(KEY)
    expect(dump).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    expect(dump).not.toContain(btoa(`${KEY}:`))
    expect(dump.toLowerCase()).not.toContain('authorization')
  }
}
