import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, orderSessionBody, PK, SK, SK_LIVE } from './helpers.js'

let h: Harness
let sessionId: string
beforeAll(async () => {
  h = await harness()
  sessionId = (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json.id
})
afterAll(() => h.close())

describe('authentication', () => {
  it('accepts the raw `Basic sk_…` form the SDKs send', async () => {
    expect((await h.call('GET', '/orders', { authorization: `Basic ${SK}` })).status).toBe(200)
  })

  it('accepts RFC 7617 Basic with the key as user name', async () => {
    const encoded = Buffer.from(`${SK}:`).toString('base64')
    expect((await h.call('GET', '/orders', { authorization: `Basic ${encoded}` })).status).toBe(200)
  })

  it('accepts Bearer with a secret key', async () => {
    expect((await h.call('GET', '/orders', { authorization: `Bearer ${SK}` })).status).toBe(200)
  })

  it('answers 401 with scheme and realm and WWW-Authenticate when the key is missing', async () => {
    const res = await h.call('GET', '/orders', { key: null })
    expect(res.status).toBe(401)
    expect(res.json).toEqual({ statusCode: 401, scheme: 'Basic', realm: 'smartpay' })
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="smartpay"')
    expect(res.headers.get('request-id')).toMatch(/^req_[0-9A-Za-z]{22}$/)
  })

  it('answers 401 to a malformed key and to other schemes', async () => {
    expect((await h.call('GET', '/orders', { authorization: 'Basic sk_test_' })).status).toBe(401)
    expect((await h.call('GET', '/orders', { authorization: 'Basic nope' })).status).toBe(401)
    expect((await h.call('GET', '/orders', { authorization: `Token ${SK}` })).status).toBe(401)
    const wrongPassword = Buffer.from(`${SK}:secret`).toString('base64')
    expect(
      (await h.call('GET', '/orders', { authorization: `Basic ${wrongPassword}` })).status,
    ).toBe(401)
  })

  it('accepts only the configured keys when `keys` is given', async () => {
    const strict = await harness({ keys: [SK] })
    try {
      expect((await strict.call('GET', '/orders', { key: SK })).status).toBe(200)
      const other = await strict.call('GET', '/orders', { key: 'sk_test_SomeoneElse' })
      expect(other.status).toBe(401)
      expect(other.json.realm).toBe('smartpay')
    } finally {
      await strict.close()
    }
  })

  it('puts a Request-Id on every response', async () => {
    const a = await h.call('GET', '/orders')
    const b = await h.call('GET', '/nowhere')
    expect(a.headers.get('request-id')).toMatch(/^req_/)
    expect(b.headers.get('request-id')).toMatch(/^req_/)
    expect(a.headers.get('request-id')).not.toBe(b.headers.get('request-id'))
    expect(b.status).toBe(404)
  })
})

describe('public keys', () => {
  it('may retrieve a checkout session, with Basic or Bearer', async () => {
    const basic = await h.call('GET', `/checkout-sessions/${sessionId}`, { key: PK })
    expect(basic.status).toBe(200)
    expect(basic.json.id).toBe(sessionId)
    const bearer = await h.call('GET', `/checkout-sessions/${sessionId}`, {
      authorization: `Bearer ${PK}`,
    })
    expect(bearer.status).toBe(200)
  })

  it.each([
    ['GET', '/checkout-sessions'],
    ['POST', '/checkout-sessions'],
    ['GET', '/orders'],
    ['POST', '/payments'],
    ['GET', '/tokens'],
    ['POST', '/webhook-endpoints'],
  ])('is refused with 403 request.forbidden on %s %s', async (method, path) => {
    const res = await h.call(method, path, { key: PK, body: method === 'POST' ? {} : undefined })
    expect(res.status).toBe(403)
    expect(res.json.errorCode).toBe('request.forbidden')
    expect(res.json.message).toContain('public key')
  })

  it('creates nothing when refused', async () => {
    const before = h.sandbox.objects('checkoutSession').length
    await h.call('POST', '/checkout-sessions', { key: PK, body: orderSessionBody() })
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(before)
  })
})

describe('CORS', () => {
  it('answers the preflight of the public operation', async () => {
    const res = await h.call('OPTIONS', `/checkout-sessions/${sessionId}`, {
      key: null,
      headers: {
        origin: 'https://shop.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    expect(res.headers.get('access-control-allow-methods')).toBe('GET')
    expect(res.headers.get('access-control-allow-headers')).toBe(
      'Authorization, Content-Type, Idempotency-Key',
    )
  })

  it('adds Access-Control-Allow-Origin to the public operation’s responses, even errors', async () => {
    const ok = await h.call('GET', `/checkout-sessions/${sessionId}`, {
      key: PK,
      headers: { origin: 'https://shop.example' },
    })
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const missing = await h.call('GET', '/checkout-sessions/checkout_test_nope', { key: PK })
    expect(missing.status).toBe(404)
    expect(missing.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('sends no CORS headers on secret-key-only routes', async () => {
    const preflight = await h.call('OPTIONS', '/orders', {
      key: null,
      headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' },
    })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.status).toBeGreaterThanOrEqual(400)
    const list = await h.call('GET', '/checkout-sessions', {
      headers: { origin: 'https://shop.example' },
    })
    expect(list.status).toBe(200)
    expect(list.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('modes', () => {
  it('keeps test and live objects apart', async () => {
    const live = await h.call('POST', '/checkout-sessions', {
      key: SK_LIVE,
      body: orderSessionBody(),
    })
    expect(live.json.id).toMatch(/^checkout_live_[0-9A-Za-z]{22}$/)
    expect(live.json.test).toBe(false)
    expect(live.json.order.id).toMatch(/^order_live_/)
    const crossed = await h.call('GET', `/checkout-sessions/${live.json.id}`, { key: SK })
    expect(crossed.status).toBe(404)
    expect(crossed.json.errorCode).toBe('checkout-session.not-found')
    const back = await h.call('GET', `/checkout-sessions/${sessionId}`, { key: SK_LIVE })
    expect(back.status).toBe(404)
    const liveList = await h.call('GET', '/checkout-sessions', { key: SK_LIVE })
    expect(liveList.json.data.map((s: { id: string }) => s.id)).toEqual([live.json.id])
    expect(h.sandbox.objects('order', 'live')).toHaveLength(1)
  })
})
