// @vitest-environment node
// Node's fetch, so the client talks to a real local HTTPS server (happy-dom's fetch cannot trust its
// certificate). The same calls run in real Chromium in createPublicClient.browser.test.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../tests/support/httpsServer.js'
import {
  AbortError,
  createPublicClient,
  InsecureUrlError,
  InvalidKeyError,
  NotFoundError,
  type PublicClientOptions,
  ValidationError,
} from './index.js'

const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
const SESSION = 'checkout_test_oTQpCvZzZ52UvKbrN5i4B8'

let server: TestServer
// A server per test: a request a previous test left in flight (an aborted or timed-out
// attempt reaches the server late on a busy machine) lands on that test's closed server, never
// in this test's record.
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.close())

function client(options: Partial<PublicClientOptions> = {}) {
  return createPublicClient({
    publicKey: PUBLIC,
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    ...options,
  })
}

describe('createPublicClient', () => {
  it('takes its mode and fingerprint from the key, and shows neither the key nor a way to it', () => {
    const smartpay = client()
    expect(smartpay.mode).toBe('test')
    expect(smartpay.keyFingerprint).toBe('pk_test_…04Bj')
    expect(JSON.stringify(smartpay)).not.toContain(PUBLIC)
    expect(Object.isFrozen(smartpay)).toBe(true)
  })

  it('refuses an http: base URL', () => {
    expect(() => client({ baseUrl: 'http://api.smartpay.co/v1' })).toThrow(InsecureUrlError)
  })

  it('refuses an option it does not take, naming the ones it does', () => {
    const options = { authScheme: 'basic' } as Partial<PublicClientOptions>
    expect(() => client(options)).toThrow(ValidationError)
    expect(() => client(options)).toThrow(/"authScheme".*expected one of baseUrl, timeout/)
    expect(() => client({ timeout: -1 })).toThrow(/"timeout".*an integer from 1/)
  })

  it('refuses a missing options object as a missing key', () => {
    expect(() => createPublicClient(undefined as never)).toThrow(InvalidKeyError)
  })

  it('refuses a malformed public key without echoing it', () => {
    const error = (() => {
      try {
        createPublicClient({ publicKey: 'pk_test_has spaces' as PublicClientOptions['publicKey'] })
      } catch (caught) {
        return caught as InvalidKeyError
      }
    })()
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect(error?.message).not.toContain('has spaces')
  })
})

describe('checkoutSessions.retrieve', () => {
  it('sends GET /checkout-sessions/{id} with the public key as a Bearer token', async () => {
    server.queue({ json: { id: SESSION, object: 'checkoutSession', test: true } })
    const session = await client().checkoutSessions.retrieve(SESSION)
    expect(session).toEqual({ id: SESSION, object: 'checkoutSession', test: true })
    expect(server.requests).toHaveLength(1)
    const [request] = server.requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe(`/v1/checkout-sessions/${SESSION}`)
    expect(request?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
    expect(request?.body).toBe('')
  })

  it('sends expand=all when asked, and no query otherwise', async () => {
    await client().checkoutSessions.retrieve(SESSION, { expand: 'all' })
    await client().checkoutSessions.retrieve(SESSION)
    expect(server.requests.map((r) => r.query.toString())).toEqual(['expand=all', ''])
  })

  it('refuses an unknown expand value before sending', async () => {
    const pending = client().checkoutSessions.retrieve(SESSION, { expand: 'everything' as 'all' })
    await expect(pending).rejects.toMatchObject({ name: 'ValidationError', field: 'expand' })
    expect(server.requests).toHaveLength(0)
  })

  it('accepts the dotted ids the API hands out', async () => {
    const dotted = 'checkout_test_hm3tau0XY7r3ULm06pHtr8.1nsIwu'
    await client().checkoutSessions.retrieve(dotted)
    expect(server.requests[0]?.path).toBe(`/v1/checkout-sessions/${dotted}`)
  })

  it.each([
    ['an id of another kind', 'order_test_123'],
    ['a path', 'checkout_test_abc/../../orders'],
    ['an encoded slash', 'checkout_test_abc%2F'],
    ['an empty string', ''],
    ['a live id with a test key', 'checkout_live_oTQpCvZzZ52UvKbrN5i4B8'],
  ])('rejects %s before sending anything', async (_, id) => {
    await expect(client().checkoutSessions.retrieve(id)).rejects.toThrow(ValidationError)
    expect(server.requests).toHaveLength(0)
  })

  it('says why a live session cannot be read with a test key', async () => {
    const error = await client()
      .checkoutSessions.retrieve('checkout_live_oTQpCvZzZ52UvKbrN5i4B8')
      .then(
        () => undefined,
        (caught: unknown) => caught as ValidationError,
      )
    expect(error?.field).toBe('id')
    expect(error?.message).toContain('live-mode session')
    expect(error?.message).toContain('test-mode key')
  })

  it('maps a 404 to NotFoundError', async () => {
    server.queue({
      status: 404,
      json: { errorCode: 'checkout-session.not-found', message: 'No such session' },
    })
    await expect(client().checkoutSessions.retrieve(SESSION)).rejects.toThrow(NotFoundError)
  })

  it('never follows a redirect', async () => {
    server.queue({ status: 302, headers: { location: 'https://127.0.0.1:1/elsewhere' } })
    await expect(client().checkoutSessions.retrieve(SESSION)).rejects.toMatchObject({
      name: 'RedirectError',
    })
    expect(server.requests).toHaveLength(1)
  })

  it('stops on the caller’s AbortSignal', async () => {
    server.queue({ delayMs: 2_000, json: {} })
    const controller = new AbortController()
    const pending = client().checkoutSessions.retrieve(SESSION, {}, { signal: controller.signal })
    setTimeout(() => controller.abort(), 20)
    await expect(pending).rejects.toThrow(AbortError)
  })

  it('applies per-call timeout and maxRetries', async () => {
    server.queue({ delayMs: 500, json: {} }, { delayMs: 500, json: {} })
    // Attempts are counted where they start, at fetch: on a busy machine an attempt can time out
    // before its request reaches the server, so the server's record may hold none.
    let attempts = 0
    const counting: typeof fetch = (input, init) => {
      attempts++
      return server.fetch(input, init)
    }
    await expect(
      client({ fetch: counting }).checkoutSessions.retrieve(
        SESSION,
        {},
        { timeout: 50, maxRetries: 0 },
      ),
    ).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(attempts).toBe(1)
  })
})
