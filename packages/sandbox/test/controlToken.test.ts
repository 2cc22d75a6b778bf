import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox } from '../src/fetch.js'
import { type Harness, harness, orderSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.close())
beforeEach(() => h.sandbox.reset())

/** Every route of the controls that changes something, with a valid JSON body. */
const WRITES: [method: string, path: string, body?: unknown][] = [
  ['POST', '/__sandbox/reset'],
  ['POST', '/__sandbox/faults', { kind: 'status', status: 500 }],
  ['DELETE', '/__sandbox/faults'],
  ['POST', '/__sandbox/clock', { advanceMs: 3_600_000 }],
  ['POST', '/__sandbox/trigger', { event: 'coupon.created' }],
  ['POST', '/__sandbox/checkout/SESSION/authorize', {}],
]

/** What a write would change: the objects, the queued faults, the events, the clock. */
const snapshot = () => ({
  sessions: h.sandbox.objects('checkoutSession'),
  orders: h.sandbox.objects('order'),
  coupons: h.sandbox.objects('coupon'),
  events: h.sandbox.events().length,
})

/** A session (and its order) and a queued fault, for the writes to change. */
async function seed() {
  const session = await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })
  h.sandbox.inject({ kind: 'status', status: 503, path: '/never', times: 1 })
  return { id: session.json.id as string, now: h.sandbox.clock.now(), before: snapshot() }
}

async function expectUnchanged({ now, before }: Awaited<ReturnType<typeof seed>>) {
  expect(snapshot()).toEqual(before)
  expect((await h.raw('GET', '/__sandbox/faults')).json.data).toHaveLength(1)
  // Not moved by the hour a refused POST /clock asked for.
  expect(h.sandbox.clock.now() - now).toBeLessThan(60_000)
}

describe('the /__sandbox controls', () => {
  it('refuse every request without the token, and change nothing', async () => {
    const state = await seed()
    for (const [method, path, body] of [...WRITES, ['GET', '/__sandbox/deliveries'] as const]) {
      const res = await h.raw(method, path.replace('SESSION', state.id), {
        token: null,
        ...(body === undefined ? {} : { body }),
      })
      expect(res.status, `${method} ${path}`).toBe(401)
      expect(res.json.errorCode).toBe('sandbox.token-required')
      expect(res.text).not.toContain(h.sandbox.controlToken)
    }
    await expectUnchanged(state)
  })

  it('refuse a wrong token, another scheme and a key', async () => {
    const state = await seed()
    const token = h.sandbox.controlToken
    for (const authorization of [
      `Bearer ${token.slice(0, -1)}`,
      `Bearer ${token}x`,
      `Basic ${token}`,
      `Basic ${btoa(`${token}:`)}`,
      'Bearer sk_test_sandboxSecretKey000001',
      token,
    ]) {
      const res = await h.raw('POST', '/__sandbox/reset', { token: null, authorization })
      expect(res.status, authorization).toBe(401)
    }
    await expectUnchanged(state)
  })

  it('take a body only as JSON: what a form or a simple cross-origin fetch sends gets 415', async () => {
    const state = await seed()
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      for (const [method, path] of WRITES) {
        const res = await h.raw(method, path.replace('SESSION', state.id), {
          headers: { 'content-type': type },
          raw: '{"kind":"status","status":500,"event":"coupon.created","advanceMs":3600000}',
        })
        expect(res.status, `${method} ${path} as ${type}`).toBe(415)
      }
    }
    const untyped = await h.raw('POST', '/__sandbox/faults', { raw: '{"kind":"drop"}' })
    expect(untyped.status).toBe(415)
    await expectUnchanged(state)
  })

  it('answer a CORS preflight without allowing anything', async () => {
    const res = await h.raw('OPTIONS', '/__sandbox/reset', {
      token: null,
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    expect(res.headers.get('access-control-allow-headers')).toBeNull()
  })

  it('work with the token and JSON', async () => {
    const state = await seed()
    const added = await h.raw('POST', '/__sandbox/faults', { body: { kind: 'drop' } })
    expect(added.status).toBe(200)
    expect(added.json.data).toHaveLength(2)
    const authorized = await h.raw('POST', `/__sandbox/checkout/${state.id}/authorize`)
    expect(authorized.status).toBe(200)
    expect((await h.raw('POST', '/__sandbox/reset')).status).toBe(200)
    expect(h.sandbox.objects('checkoutSession')).toEqual([])
  })

  it('serve the public CA certificate without the token', async () => {
    const res = await h.raw('GET', '/__sandbox/ca.pem', { token: null })
    expect(res.status).toBe(200)
    expect(res.text).toBe(h.sandbox.ca)
  })
})

describe('the control token', () => {
  it('is fresh for each sandbox', async () => {
    const other = createSandbox()
    expect(h.sandbox.controlToken).toMatch(/^sbx_[0-9A-Za-z]{32}$/)
    expect(other.controlToken).toMatch(/^sbx_[0-9A-Za-z]{32}$/)
    expect(other.controlToken).not.toBe(h.sandbox.controlToken)
    await other.stop()
  })

  it('may be given, and must then be 16 or more printable characters', async () => {
    const controlToken = 'my-ci-token-0123456789'
    const sandbox = createSandbox({ controlToken })
    expect(sandbox.controlToken).toBe(controlToken)
    const call = (authorization?: string) =>
      sandbox.fetch(`${sandbox.url}/__sandbox/reset`, {
        method: 'POST',
        ...(authorization ? { headers: { authorization } } : {}),
      })
    expect((await call()).status).toBe(401)
    expect((await call(`Bearer ${controlToken}`)).status).toBe(200)
    await sandbox.stop()
    for (const bad of ['short', 'has a space in it, too', '']) {
      expect(() => createSandbox({ controlToken: bad })).toThrow(/controlToken/)
    }
  })

  it('guards the in-process sandbox’s fetch too', async () => {
    const sandbox = createSandbox()
    sandbox.inject({ kind: 'drop' })
    const res = await sandbox.fetch(`${sandbox.url}/__sandbox/faults`, { method: 'DELETE' })
    expect(res.status).toBe(401)
    expect(
      (
        await sandbox
          .fetch(`${sandbox.url}/__sandbox/faults`, {
            headers: { authorization: `Bearer ${sandbox.controlToken}` },
          })
          .then((r) => r.json())
      ).data,
    ).toHaveLength(1)
    await sandbox.stop()
  })
})
