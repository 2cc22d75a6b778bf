import { request } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSandbox, DEFAULT_KEYS } from '../src/fetch.js'
import { type Harness, harness, orderSessionBody } from './helpers.js'

const MiB = 1_048_576
const FIFTY_MB = 50 * MiB

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.close())

/**
 * Streams a body of `declared` bytes (chunked when undefined) to `/v1/checkout-sessions`,
 * writing only while the socket takes it, and resolves with the answer and how many bytes
 * had been written when it came.
 */
function stream(declared?: number): Promise<{ status: number; body: string; written: number }> {
  const url = new URL(`${h.sandbox.apiUrl}/checkout-sessions`)
  return new Promise((resolve, reject) => {
    let written = 0
    let answered = false
    const req = request(url, {
      method: 'POST',
      ca: h.sandbox.ca,
      headers: {
        authorization: `Basic ${DEFAULT_KEYS.secret}`,
        'content-type': 'application/json',
        ...(declared === undefined ? {} : { 'content-length': String(declared) }),
      },
    })
    const chunk = Buffer.alloc(64 * 1024, 0x20)
    const pump = () => {
      while (!answered && written < FIFTY_MB) {
        written += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
    }
    req.on('response', (res) => {
      answered = true
      const at = written
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (text: string) => {
        body += text
      })
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body, written: at })
      })
    })
    // Writing into a connection the server closed after its answer fails; the answer counts.
    req.on('error', (error) => (answered ? undefined : reject(error)))
    pump()
  })
}

describe('the sandbox’s body limit', () => {
  it('answers 413 to a body declared larger than 1 MiB, before it is sent', async () => {
    const answer = await stream(FIFTY_MB)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({
      statusCode: 413,
      errorCode: 'request.too-large',
    })
    expect(answer.written).toBeLessThan(FIFTY_MB)
  })

  it('stops reading a chunked body past 1 MiB and answers 413 while it is still coming', async () => {
    const answer = await stream()
    expect(answer.status).toBe(413)
    // The server read no further than the limit, so the socket stopped taking the body long
    // before its 50 MB were written (what was written is the limit plus the socket buffers).
    expect(answer.written).toBeGreaterThan(MiB)
    expect(answer.written).toBeLessThan(FIFTY_MB)
    expect(h.sandbox.objects('checkoutSession')).toEqual([])
  })

  it('still serves the requests that follow', async () => {
    const res = await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })
    expect(res.status).toBe(200)
  })

  it('is set with maxBodyBytes, for every path', async () => {
    const small = await harness({ maxBodyBytes: 2_000 })
    try {
      const fits = await small.call('POST', '/checkout-sessions', { body: orderSessionBody() })
      expect(fits.status).toBe(200)
      const big = orderSessionBody({ description: 'x'.repeat(2_000) })
      const refused = await small.call('POST', '/checkout-sessions', { body: big })
      expect(refused.status).toBe(413)
      expect(refused.headers.get('request-id')).toMatch(/^req_/)
      expect((await small.raw('POST', '/__sandbox/faults', { body: [big] })).status).toBe(413)
    } finally {
      await small.close()
    }
  })

  it('holds in-process too, pulling no more of a stream than the limit', async () => {
    const sandbox = createSandbox()
    let pulled = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= FIFTY_MB) return controller.close()
        pulled += 64 * 1024
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20))
      },
    })
    const res = await sandbox.fetch(`${sandbox.apiUrl}/checkout-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${DEFAULT_KEYS.secret}` },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
    expect(pulled).toBeLessThan(2 * MiB)
    await sandbox.stop()
  })
})
