import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTestServer, type TestServer } from '../../../tests/support/httpsServer.js'
import {
  createTransport,
  InvalidKeyError,
  type PublicKey,
  ROLL_KEYS_URL,
  SECRET_KEY_IN_CLIENT_CODE,
  type SecretKey,
} from '../src/index.js'
import { createReadTransport } from '../src/internal.js'

// The transports refuse a secret key where it is exposed, whoever calls them. Real Chromium
// pages and workers are in packages/server-client/test/browser; here a page's globals are
// simulated in Node, which isShopperBrowser's own table covers in detail.
const SECRET: SecretKey = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
const PUBLIC: PublicKey = 'pk_live_PCLEGPw9RrKIAlRcK504Bj'
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/126.0.0.0 Safari/537.36'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
afterEach(() => {
  vi.unstubAllGlobals()
  server.reset()
})

/** What `create` threw, checked to be the exposed-key refusal that shows no key. */
function refusal(create: () => unknown): InvalidKeyError {
  let thrown: unknown
  try {
    create()
  } catch (error) {
    thrown = error
  }
  expect(thrown).toBeInstanceOf(InvalidKeyError)
  const error = thrown as InvalidKeyError
  expect(error.rule).toBe(SECRET_KEY_IN_CLIENT_CODE)
  expect(error.message).toContain(`exposed to client code: roll it at ${ROLL_KEYS_URL}`)
  expect(error.message).toContain('sk_live_…1taz')
  expect(JSON.stringify(error) + String(error.stack)).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
  return error
}

/** Runs `create` with a browser page's globals, and Node's hidden (synchronously only). */
function inSimulatedPage<T>(create: () => T): () => T {
  return () => {
    vi.stubGlobal('window', {})
    vi.stubGlobal('document', {})
    vi.stubGlobal('navigator', { userAgent: CHROME })
    vi.stubGlobal('process', undefined)
    try {
      return create()
    } finally {
      vi.unstubAllGlobals()
    }
  }
}

const options = () => ({ baseUrl: server.baseUrl, fetch: server.fetch })

describe('createReadTransport', () => {
  it('refuses a secret key in every runtime, before any request', () => {
    const error = refusal(() => createReadTransport(SECRET as never, 'bearer', options()))
    expect(error.message).toMatch(/^createReadTransport got a secret key/)
    expect(server.requests).toHaveLength(0)
  })

  it.each([
    ['in capitals', SECRET.toUpperCase()],
    ['behind a zero-width space', `\u200b${SECRET}`],
    ['as a restricted rk_ key', 'rk_live_Ho1BrYTcg3gAX4vTKk1taz'],
  ])('refuses a secret key %s too', (_, key) => {
    expect(() => createReadTransport(key as never, 'bearer', options())).toThrow(
      expect.objectContaining({ rule: SECRET_KEY_IN_CLIENT_CODE }),
    )
  })

  it('refuses what is not a public key at all', () => {
    expect(() => createReadTransport('hunter2' as never, 'bearer', options())).toThrow(
      InvalidKeyError,
    )
  })

  it('takes a public key', async () => {
    await createReadTransport(PUBLIC, 'bearer', options()).request({ method: 'GET', path: '/x' })
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
  })
})

describe('createTransport', () => {
  it('refuses a secret key in a browser page, before any request', () => {
    const error = refusal(inSimulatedPage(() => createTransport(SECRET, 'basic', options())))
    expect(error.message).toMatch(/^createTransport, in a browser, got a secret key/)
    expect(server.requests).toHaveLength(0)
  })

  it('takes a public key in a browser page', () => {
    const transport = inSimulatedPage(() => createTransport(PUBLIC, 'bearer', options()))()
    expect(transport.keyFingerprint).toBe('pk_live_…04Bj')
  })

  it('takes a secret key on a server', async () => {
    await createTransport(SECRET, 'basic', options()).request({ method: 'GET', path: '/x' })
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${btoa(`${SECRET}:`)}`)
  })
})
