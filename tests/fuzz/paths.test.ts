import fc from 'fast-check'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ValidationError } from '../../packages/core/src/index.js'
import { createPublicClient } from '../../packages/public-client/src/index.js'
import { createServerClient } from '../../packages/server-client/src/index.js'
import { startTestServer, type TestServer } from '../support/httpsServer.js'
import corpus from './corpus.json' with { type: 'json' }

// Paths through the clients to a real local HTTPS server, which records the raw request line:
// whatever a path holds, either nothing is sent, or the request stays under /v1 however many
// times a server or proxy decodes it (a dot segment, an encoded slash or a backslash there).
let server: TestServer
let raw: string[]
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())
beforeEach(() => {
  server.reset()
  raw = []
  server.handle((request) => {
    raw.push(request.target.replace(/\?.*/, ''))
    return { json: {} }
  })
})

const smartpay = () =>
  createServerClient({
    secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz',
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    maxRetries: 0,
  })

/** What a server that decodes the path up to 3 times, and treats `\` as `/`, would serve. */
function leavesV1(requested: string): boolean {
  let path = requested
  for (let round = 0; round < 3; round++) {
    try {
      path = decodeURIComponent(path)
    } catch {
      break
    }
    const segments = path.replace(/\\/g, '/').split('/')
    const resolved: string[] = []
    for (const segment of segments.slice(1)) {
      const plain = segment.normalize('NFKC').replace(/;.*/, '').trim()
      if (plain === '..') resolved.pop()
      else if (plain !== '.') resolved.push(segment)
    }
    if (resolved[0] !== 'v1') return true
  }
  return false
}

/** Sends `path` with `request()`: `sent` when the server got it, else the error it was refused with. */
async function send(path: string) {
  try {
    await smartpay().request({ method: 'GET', path })
    return { sent: raw.at(-1) as string }
  } catch (error) {
    return { error }
  }
}

const DOT = ['.', '%2e', '%2E', '%252e', '%u002e', '．', '%c0%ae', '%e0%80%ae']
const SLASH = ['/', '\\', '%2f', '%5c', '%252f', '%255C']
const piece = fc.oneof(
  fc.stringMatching(/^[0-9A-Za-z_-]{1,10}$/),
  fc.constantFrom(...DOT, ...SLASH, '..', ';', '%3b', '\t', '\n', ' ', '%20', '%00', '?', '#'),
)

describe('a request path', () => {
  it.each(corpus.paths)('%j is refused before anything is sent', async (path) => {
    const { error } = await send(path)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).field).toBe('path')
    expect(raw).toEqual([])
  })

  it('never leaves /v1 on the wire, however it is built', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), async (pieces) => {
        raw.length = 0
        const path = `/${pieces.join('')}`
        const outcome = await send(path)
        if ('sent' in outcome)
          expect(leavesV1(outcome.sent), `${path} → ${outcome.sent}`).toBe(false)
        else expect(raw).toEqual([])
      }),
      { numRuns: 300 },
    )
  })

  it('of a checkout session the public client reads stays under /v1 for any id it takes', async () => {
    const client = createPublicClient({
      publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj',
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      maxRetries: 0,
    })
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 6 }), async (pieces) => {
        raw.length = 0
        const id = `checkout_test_${pieces.join('')}`
        await client.checkoutSessions.retrieve(id).catch(() => {})
        for (const sent of raw) expect(leavesV1(sent), `${id} → ${sent}`).toBe(false)
      }),
      { numRuns: 200 },
    )
  })
})
