import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createSandbox } from '../src/fetch.js'
import { type Harness, harness, orderSessionBody } from './helpers.js'

const HOUR = 60 * 60 * 1000

describe('sandbox.clock', () => {
  let h: Harness
  beforeAll(async () => {
    h = await harness()
  })
  beforeEach(() => h.sandbox.reset())
  afterAll(() => h.close())

  const session = async () =>
    (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json

  it('moves forward, and reset() brings it back to the real time', () => {
    const before = h.sandbox.clock.now()
    expect(h.sandbox.clock.advance(HOUR)).toBeGreaterThanOrEqual(before + HOUR)
    h.sandbox.clock.setTime(new Date('2030-01-01T00:00:00Z'))
    expect(h.sandbox.clock.now()).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'))
    expect(() => h.sandbox.clock.advance(-1)).toThrow(TypeError)
    h.sandbox.reset()
    expect(Math.abs(h.sandbox.clock.now() - Date.now())).toBeLessThan(HOUR)
  })

  it('stamps objects with the sandbox time', async () => {
    h.sandbox.clock.setTime(Date.parse('2030-01-01T00:00:00Z'))
    const s = await session()
    expect(s.createdAt).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'))
    expect(s.expiresAt - s.createdAt).toBe(24 * HOUR)
  })

  it('expires a checkout session after 24 hours: page and buttons answer 410', async () => {
    const s = await session()
    h.sandbox.clock.advance(23 * HOUR)
    expect((await h.raw('GET', `/checkout/${s.id}`)).status).toBe(200)
    h.sandbox.clock.advance(2 * HOUR)
    const page = await h.raw('GET', `/checkout/${s.id}`)
    expect(page.status).toBe(410)
    expect(page.text).toContain('expired')
    expect(() => h.sandbox.authorize(s.id)).toThrow(/expired/)
    const helper = await h.raw('POST', `/__sandbox/checkout/${s.id}/authorize`)
    expect(helper.json).toMatchObject({ statusCode: 410, errorCode: 'checkout-session.expired' })
    expect(h.sandbox.objects('order')[0]?.status).toBe('requires_authorization')
  })

  it('expires an authorization after 30 days: capture answers 409', async () => {
    const s = (
      await h.call('POST', '/checkout-sessions', {
        body: orderSessionBody({ captureMethod: 'manual' }),
      })
    ).json
    const order = h.sandbox.authorize(s.id).order
    h.sandbox.clock.advance(31 * 24 * HOUR)
    const res = await h.call('POST', '/payments', {
      body: { order: order?.id, amount: 1, currency: 'JPY' },
    })
    expect(res.status).toBe(409)
    expect(res.json.errorCode).toBe('order.cannot-capture')
    expect(res.json.message).toContain('expired')
  })

  it('expires a promotion code at its expiresAt', async () => {
    const coupon = await h.call('POST', '/coupons', {
      body: { name: 'ten', discountType: 'percentage', discountPercentage: 10 },
    })
    await h.call('POST', '/promotion-codes', {
      body: { code: 'SOON', coupon: coupon.json.id, expiresAt: h.sandbox.clock.now() + HOUR },
    })
    const early = await session()
    expect(h.sandbox.authorize(early.id, { promotionCode: 'SOON' }).order?.discountAmount).toBe(300)
    const late = await session()
    h.sandbox.clock.advance(2 * HOUR)
    expect(() => h.sandbox.authorize(late.id, { promotionCode: 'SOON' })).toThrow(/has expired/)
  })

  it('is reachable over HTTP for the CLI server', async () => {
    const start = (await h.raw('GET', '/__sandbox/clock')).json.now
    const moved = await h.raw('POST', '/__sandbox/clock', { body: { advanceMs: 3 * HOUR } })
    expect(moved.json.now).toBeGreaterThanOrEqual(start + 3 * HOUR)
    const set = await h.raw('POST', '/__sandbox/clock', { body: { time: '2031-05-01T00:00:00Z' } })
    expect(set.json.iso.startsWith('2031-05-01T00:00')).toBe(true)
    expect((await h.raw('POST', '/__sandbox/clock', { body: {} })).status).toBe(400)
    await h.raw('POST', '/__sandbox/clock', { body: { reset: true } })
    expect(Math.abs(h.sandbox.clock.now() - Date.now())).toBeLessThan(HOUR)
  })

  it('forgets idempotency keys after 6 hours', async () => {
    const headers = { 'idempotency-key': 'same-key' }
    const body = { name: 'x', discountType: 'percentage', discountPercentage: 1 }
    await h.call('POST', '/coupons', { headers, body })
    expect(
      (await h.call('POST', '/coupons', { headers, body })).headers.get('idempotency-replayed'),
    ).toBe('true')
    h.sandbox.clock.advance(7 * HOUR)
    expect(
      (await h.call('POST', '/coupons', { headers, body })).headers.get('idempotency-replayed'),
    ).toBeNull()
    expect(h.sandbox.objects('coupon')).toHaveLength(2)
  })

  it('works the same in-process', async () => {
    const s = createSandbox()
    const res = await s.fetch(`${s.apiUrl}/checkout-sessions`, {
      method: 'POST',
      headers: { authorization: 'Basic sk_test_x', 'content-type': 'application/json' },
      body: JSON.stringify(orderSessionBody()),
    })
    const { id } = (await res.json()) as { id: string }
    s.clock.advance(25 * HOUR)
    expect((await s.fetch(`${s.url}/checkout/${id}`)).status).toBe(410)
    await s.stop()
  })
})
