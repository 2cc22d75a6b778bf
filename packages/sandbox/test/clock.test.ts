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

  describe('a manual-capture authorization', () => {
    const DAY = 24 * HOUR
    const authorized = async () => {
      const s = (
        await h.call('POST', '/checkout-sessions', {
          body: orderSessionBody({ captureMethod: 'manual' }),
        })
      ).json
      return h.sandbox.authorize(s.id).order?.id as string
    }
    const status = async (id: string) => (await h.call('GET', `/orders/${id}`)).json.status
    const capture = (id: string) =>
      h.call('POST', '/payments', { body: { order: id, amount: 1, currency: 'JPY' } })

    it('can be captured for 7 days', async () => {
      const id = await authorized()
      h.sandbox.clock.advance(7 * DAY - HOUR)
      expect(await status(id)).toBe('requires_capture')
      expect((await capture(id)).status).toBe(200)
    })

    it('is canceled after 7 days as the API does: status, order.canceled, capture refused', async () => {
      const endpoint = await h.call('POST', '/webhook-endpoints', {
        body: { url: 'https://shop.example/webhooks' },
      })
      expect(endpoint.status).toBe(200)
      const id = await authorized()
      const expiresAt = h.sandbox.objects('order')[0]?.expiresAt
      h.sandbox.clock.advance(7 * DAY + HOUR)
      // At once, before any request: the clock moving is what expires it.
      expect(h.sandbox.objects('order')[0]?.status).toBe('canceled')
      const events = h.sandbox.events('test').filter((e) => e.eventData.data.id === id)
      expect(events.map((e) => e.event)).toEqual(['order.authorized', 'order.canceled'])
      expect(events[1]?.createdAt).toBe(expiresAt)
      expect(events[1]?.eventData.data).toMatchObject({ id, status: 'canceled' })
      const sent = h.sandbox.deliveries().filter((d) => d.eventId === events[1]?.id)
      expect(sent.map((d) => d.endpointId)).toEqual([endpoint.json.id])
      expect(await status(id)).toBe('canceled')
      const refused = await capture(id)
      expect(refused.status).toBe(409)
      expect(refused.json).toMatchObject({ statusCode: 409, errorCode: 'order.cannot-capture' })
      expect(refused.json.message).toMatch(/expired at .* and the order was canceled/)
      expect(h.sandbox.objects('payment')).toEqual([])
      const cancel = await h.call('PUT', `/orders/${id}/cancellation`)
      expect(cancel.json.errorCode).toBe('order.cannot-cancel')
      // Once: moving on does not cancel it again.
      h.sandbox.clock.advance(DAY)
      expect(h.sandbox.events('test').filter((e) => e.event === 'order.canceled')).toHaveLength(1)
    })

    it('expires when the clock is moved over HTTP too', async () => {
      const id = await authorized()
      await h.raw('POST', '/__sandbox/clock', { body: { advanceMs: 8 * DAY } })
      expect(await status(id)).toBe('canceled')
    })

    it('keeps an order canceled before its expiry as the merchant left it', async () => {
      const id = await authorized()
      expect((await h.call('PUT', `/orders/${id}/cancellation`)).status).toBe(200)
      h.sandbox.clock.advance(8 * DAY)
      expect(h.sandbox.events('test').filter((e) => e.event === 'order.canceled')).toHaveLength(1)
      expect((await capture(id)).json.message).toMatch(/is canceled; only an order in/)
    })
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
