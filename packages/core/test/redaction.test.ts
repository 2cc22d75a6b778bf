import type { AddressInfo } from 'node:net'
import { createServer, type Server, type TLSSocket } from 'node:tls'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { failure, printed } from '../../../tests/support/failure.js'
import { startTestServer, type TestServer } from '../../../tests/support/httpsServer.js'
import { testCertificate } from '../../../tests/support/tls.js'
import { trustingFetch } from '../../../tests/support/trustingFetch.js'
import {
  ConnectionError,
  createTransport,
  type SecretKey,
  type SmartpayError,
  type Transport,
  ValidationError,
} from '../src/index.js'
import { redactKeys } from '../src/internal.js'

// A proxy or server that echoes the key back must not get it into any text an error carries,
// in any form the client sends it: plain (Bearer) and base64 (Basic).
const KEY: SecretKey = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const BODY = 'Ho1BrYTcg3gAX4vTKk1taz'
const BASIC = btoa(`${KEY}:`)
const FORMS = { plain: KEY, bearer: `Bearer ${KEY}`, basic: `Basic ${BASIC}` }

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

function client(scheme: 'basic' | 'bearer' = 'basic', fetch = server.fetch): Transport {
  return createTransport(KEY, scheme, { baseUrl: server.baseUrl, fetch, maxRetries: 0 })
}

/** Asserts no form of the key is anywhere in the error, as logs and tools print it. */
function expectNoKey(error: SmartpayError): void {
  const dumps = [
    ...printed(error),
    String(error.code),
    String(error.requestId),
    String(JSON.stringify(error.details)),
  ]
  for (const dump of dumps) {
    expect(dump).not.toContain(BODY)
    expect(dump).not.toContain(BASIC.slice(0, 16))
  }
}

describe('an echoed key is redacted', () => {
  it.each(Object.entries(FORMS))(
    'in the code, message, details, request id and headers (%s)',
    async (_, echo) => {
      server.queue({
        status: 400,
        json: { statusCode: 400, errorCode: echo, message: `bad ${echo}`, details: [{ echo }] },
        headers: { 'request-id': echo, 'x-trace': 'abc' },
      })
      const error = await failure(client().request({ method: 'GET', path: '/orders' }))
      expect(error.status, error.message).toBe(400)
      expect(error.code).not.toBe(echo)
      // The header that holds the key shows its fingerprint (`...`: a header value is Latin-1).
      expect(error.headers?.get('x-trace')).toBe('abc')
      expect(error.headers?.get('request-id')).toBe('sk_live_...1taz')
      expectNoKey(error)
    },
  )

  it.each(Object.entries(FORMS))('in a proxy page that is not JSON (%s)', async (_, echo) => {
    server.queue({
      status: 502,
      text: `<html><pre>Authorization: ${echo}</pre></html>`,
      headers: { 'content-type': 'text/html', 'x-request-id': echo },
    })
    const error = await failure(client().request({ method: 'GET', path: '/orders' }))
    expect(error.status).toBe(502)
    expect(JSON.stringify(error.details)).toContain('Authorization:')
    expectNoKey(error)
  })

  it('in a 200 whose body is not JSON', async () => {
    server.queue({ status: 200, text: `{"echo": "${FORMS.basic}"`, headers: { 'request-id': KEY } })
    expectNoKey(await failure(client().request({ method: 'GET', path: '/orders' })))
  })

  it('in the path, when a key was passed as an id, which is refused before sending', async () => {
    for (const path of [
      `/orders/${KEY}`,
      `/orders/${encodeURIComponent(KEY)}`.replace(/_/g, '%5F'),
    ]) {
      const error = await failure(client().request({ method: 'GET', path }))
      expect(error).toBeInstanceOf(ValidationError)
      expect(error.path).toBe('/orders/sk_live_…1taz')
      expectNoKey(error)
    }
    expect(server.requests).toEqual([])
  })

  it('in the message and cause of a connection error a fetch wrapper raised', async () => {
    const fetch = (() =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error(`proxy refused Proxy-Authorization: ${FORMS.basic}`), {
            code: 'E_PROXY',
            data: FORMS.bearer,
          }),
        }),
      )) as typeof globalThis.fetch
    const error = await failure(client('basic', fetch).request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toContain('proxy refused Proxy-Authorization: Basic sk_live_…1taz')
    // The cause chain stays, redacted: a copy of each error that held the key.
    const root = (error.cause as Error).cause as Error & { code: string; data: string }
    expect(root.message).toBe('proxy refused Proxy-Authorization: Basic sk_live_…1taz')
    expect([root.code, root.data]).toEqual(['E_PROXY', 'Bearer sk_live_…1taz'])
    expectNoKey(error)
  })

  it('in the message and cause of the error an attempt raised for an untrusted certificate', async () => {
    const fetch = (() =>
      Promise.reject(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error(`self-signed certificate; proxy saw ${FORMS.basic}`), {
            code: 'SELF_SIGNED_CERT_IN_CHAIN',
          }),
        }),
      )) as typeof globalThis.fetch
    const error = await failure(client('basic', fetch).request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(error.message).toContain('proxy saw Basic sk_live_…1taz. This runtime does not trust')
    const root = (error.cause as Error).cause as Error & { code: string }
    expect([root.message, root.code]).toEqual([
      'self-signed certificate; proxy saw Basic sk_live_…1taz',
      'SELF_SIGNED_CERT_IN_CHAIN',
    ])
    expectNoKey(error)
  })

  it('keeps a connection error’s cause that holds no key', async () => {
    const cause = new Error('connect ECONNREFUSED 127.0.0.1:1')
    const fetch = (() =>
      Promise.reject(new TypeError('fetch failed', { cause }))) as typeof globalThis.fetch
    const error = await failure(client('basic', fetch).request({ method: 'GET', path: '/x' }))
    expect((error.cause as Error).cause).toBe(cause)
  })
})

describe('a malformed answer that quotes the key (undici keeps the bytes in its parse error)', () => {
  let raw: Server
  let origin: string
  const sockets = new Set<TLSSocket>()
  beforeAll(async () => {
    const { key, cert } = await testCertificate()
    raw = createServer({ key, cert }, (socket) => {
      sockets.add(socket)
      socket.once('data', () => {
        // A header value with a control character: the parser fails and quotes the rest.
        socket.end(`HTTP/1.1 200 OK\r\nX-Echo: ${FORMS.basic}\u0001${KEY}\r\n\r\n`)
      })
    })
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
    origin = `https://127.0.0.1:${(raw.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    for (const socket of sockets) socket.destroy()
    await new Promise((resolve) => raw.close(resolve))
  })

  it('gets a connection error with no key in it', async () => {
    const { cert } = await testCertificate()
    const transport = createTransport(KEY, 'basic', {
      baseUrl: `${origin}/v1`,
      fetch: trustingFetch(cert),
      maxRetries: 0,
    })
    const error = await failure(transport.request({ method: 'GET', path: '/orders' }))
    expect(error).toBeInstanceOf(ConnectionError)
    expectNoKey(error)
  })
})

describe('redactKeys', () => {
  it('replaces a key with its fingerprint, and leaves other text alone', () => {
    // The compact redaction: Basic credentials are the server transport's (redactKeysDeep).
    expect(redactKeys(`a ${FORMS.bearer}, ${FORMS.plain.toUpperCase()}`)).toBe(
      'a Bearer sk_live_…1taz, sk_live_…1TAZ',
    )
    expect(redactKeys('order_test_abc123 failed (id 0123456789abcdef, Basic dXNlcjpwYXNz)')).toBe(
      'order_test_abc123 failed (id 0123456789abcdef, Basic dXNlcjpwYXNz)',
    )
  })

  it('redacts a restricted rk_ key and a public key too', () => {
    expect(redactKeys(`rk_live_${BODY} pk_test_${BODY}`)).toBe(
      '<30-character string> pk_test_…1taz',
    )
  })
})
