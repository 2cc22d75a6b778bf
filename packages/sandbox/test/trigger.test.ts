import { describe, expect, it } from 'vitest'
import { createSandbox, EVENT_TYPES } from '../src/fetch.js'
import { harness } from './helpers.js'

const OBJECT_OF: Record<string, string> = {
  order: 'order',
  payment: 'payment',
  refund: 'refund',
  coupon: 'coupon',
  promotion_code: 'promotionCode',
  token: 'token',
  payout: 'payout',
  merchant_user: 'merchantUser',
}

describe('sandbox.trigger', () => {
  it.each(EVENT_TYPES)('emits a realistic %s and delivers it', async (type) => {
    const seen: string[] = []
    const s = createSandbox({
      deliver: async (request) => {
        seen.push(JSON.parse(await request.text()).eventData.type)
        return new Response('ok')
      },
    })
    try {
      const created = await s.fetch(`${s.apiUrl}/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: 'Basic sk_test_x', 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'https://shop.example/hooks', eventSubscriptions: [type] }),
      })
      expect(created.status).toBe(200)
      const event = s.trigger(type)
      await s.settled()
      expect(event).toMatchObject({ object: 'event', test: true, eventData: { type } })
      const data = event.eventData.data
      expect(data.object).toBe(OBJECT_OF[type.split('.')[0] as string])
      expect(data.id).toMatch(/^[a-z]+_test_[0-9A-Za-z]{22}$/)
      expect(seen).toEqual([type])
      const stored = data.object === 'payout' || data.object === 'merchantUser'
      if (!stored) expect(JSON.stringify(s.objects(data.object as 'order'))).toContain(data.id)
    } finally {
      await s.stop()
    }
  })

  it('runs in live mode and over the control API', async () => {
    const h = await harness()
    try {
      const res = await h.raw('POST', '/__sandbox/trigger', {
        body: { event: 'order.canceled', mode: 'live' },
      })
      expect(res.status).toBe(200)
      expect(res.json.event).toMatchObject({ test: false, event: 'order.canceled' })
      expect(h.sandbox.objects('order', 'live')[0]?.status).toBe('canceled')
      expect(h.sandbox.events('live').map((e) => e.event)).toEqual([
        'order.authorized',
        'order.canceled',
      ])
      const bad = await h.raw('POST', '/__sandbox/trigger', { body: { event: 'order.nope' } })
      expect(bad.status).toBe(400)
      expect(bad.json.message).toContain('order.authorized')
    } finally {
      await h.close()
    }
  })
})
