import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/failure.js'
import { startTestServer, type TestServer } from '../../../../tests/support/httpsServer.js'
import { NotFoundError, ValidationError } from '../errors/errors.js'
import { createReadTransport } from './createReadTransport.js'

let server: TestServer
// A server per test: a request a previous test left in flight (an aborted or timed-out
// attempt reaches the server late on a busy machine) lands on that test's closed server, never
// in this test's record.
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.close())

describe('read transport', () => {
  const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
  const reader = (options: Record<string, unknown> = {}) =>
    createReadTransport(PUBLIC, 'bearer', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      ...options,
    })

  it('sends a GET with Bearer, the query, and no body or idempotency key', async () => {
    server.queue({ json: { id: 'checkout_test_1' } })
    const { data, meta } = await reader()
      .request({
        method: 'GET',
        path: '/checkout-sessions/checkout_test_1',
        query: { expand: 'all' },
      })
      .withMeta()
    expect(data).toEqual({ id: 'checkout_test_1' })
    expect(meta).toMatchObject({ status: 200, attempts: 1, idempotencyKey: undefined })
    const [req] = server.requests
    expect(req?.method).toBe('GET')
    expect(req?.path).toBe('/v1/checkout-sessions/checkout_test_1')
    expect(req?.query.get('expand')).toBe('all')
    expect(req?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
    expect(req?.headers['idempotency-key']).toBeUndefined()
  })

  it('retries and types its failures like the full transport', async () => {
    server.queue({ status: 503, json: {} }, { status: 404, json: { statusCode: 404 } })
    const error = await failure(reader().request({ method: 'GET', path: '/checkout-sessions/x' }))
    expect(error).toBeInstanceOf(NotFoundError)
    expect(server.requests).toHaveLength(2)
  })

  it('refuses the full transport’s options at construction', () => {
    for (const option of [
      { authScheme: 'basic' },
      { retry: { baseDelayMs: 1 } },
      { validateResponses: true },
    ]) {
      expect(() => reader(option), JSON.stringify(option)).toThrow(ValidationError)
    }
    expect(() => reader({ authScheme: 'basic' })).toThrow(
      /^Invalid client option "authScheme": expected one of baseUrl, timeout.*, got an unknown option\.$/,
    )
  })

  it('refuses an idempotency key per call, sending nothing', async () => {
    const options = { idempotencyKey: 'mine' } as never
    const error = await failure(reader().request({ method: 'GET', path: '/x', options }))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toContain('"idempotencyKey"')
    expect(server.requests).toHaveLength(0)
  })
})
