import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { type Harness, harness, orderSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
beforeEach(() => h.sandbox.reset())
afterAll(() => h.close())

const coupon = async (body: Record<string, unknown> = {}) =>
  (
    await h.call('POST', '/coupons', {
      body: {
        name: '500 off',
        discountType: 'amount',
        discountAmount: 500,
        currency: 'JPY',
        ...body,
      },
    })
  ).json
const promo = (body: Record<string, unknown>) => h.call('POST', '/promotion-codes', { body })
const session = async () =>
  (await h.call('POST', '/checkout-sessions', { body: orderSessionBody() })).json

describe('coupons', () => {
  it('creates amount and percentage coupons', async () => {
    const amount = await coupon()
    expect(amount).toMatchObject({
      object: 'coupon',
      active: true,
      redemptionCount: 0,
      discountAmount: 500,
    })
    expect(amount.id).toMatch(/^coupon_test_/)
    const pct = await coupon({
      discountType: 'percentage',
      discountPercentage: 10,
      discountAmount: undefined,
    })
    expect(pct.discountPercentage).toBe(10)
  })

  it('requires the fields of its discount type', async () => {
    const res = await h.call('POST', '/coupons', { body: { name: 'x', discountType: 'amount' } })
    expect(res.status).toBe(400)
    expect(res.json.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'currency',
      'discountAmount',
    ])
    const pct = await h.call('POST', '/coupons', {
      body: { name: 'x', discountType: 'percentage', discountPercentage: 101 },
    })
    expect(pct.json.details[0].path).toBe('discountPercentage')
  })

  it('updates name and active', async () => {
    const created = await coupon()
    const res = await h.call('PATCH', `/coupons/${created.id}`, {
      body: { active: false, name: 'Gone' },
    })
    expect(res.json).toMatchObject({ active: false, name: 'Gone', discountAmount: 500 })
  })
})

describe('promotion codes', () => {
  it('need an existing coupon', async () => {
    const res = await promo({ code: 'SPRING', coupon: 'coupon_test_missing' })
    expect(res.status).toBe(404)
    expect(res.json.errorCode).toBe('coupon.not-found')
  })

  it('are unique case-insensitively', async () => {
    const { id } = await coupon()
    const first = await promo({ code: 'Spring2024', coupon: id })
    expect(first.status).toBe(200)
    expect(first.json.id).toMatch(/^promotioncode_test_/)
    const dup = await promo({ code: 'SPRING2024', coupon: id })
    expect(dup.status).toBe(409)
    expect(dup.json.errorCode).toBe('promotion-code.exists')
    expect(h.sandbox.objects('promotionCode')).toHaveLength(1)
  })

  it('update active and metadata', async () => {
    const { id } = await coupon()
    const code = (await promo({ code: 'A1', coupon: id })).json
    const res = await h.call('PATCH', `/promotion-codes/${code.id}`, {
      body: { active: false, metadata: { k: 'v' } },
    })
    expect(res.json).toMatchObject({ active: false, metadata: { k: 'v' }, code: 'A1' })
  })
})

describe('promotion codes on the hosted page', () => {
  it('preview the discount from ?promotion-code and apply it on authorize', async () => {
    const { id } = await coupon()
    await promo({ code: 'SAVE500', coupon: id })
    const s = await session()
    const page = await h.fetch(`${s.url}?promotion-code=save500`)
    const html = await page.text()
    expect(html).toContain('data-testid="discount"')
    expect(html).toContain('2,500 JPY')
    expect(html).toContain('name="promotionCode" value="save500"')
    const outcome = h.sandbox.authorize(s.id, { promotionCode: 'save500' })
    expect(outcome.order).toMatchObject({ amount: 2500, discountAmount: 500, status: 'succeeded' })
    expect(h.sandbox.objects('payment')[0]?.amount).toBe(2500)
    expect(h.sandbox.objects('promotionCode')[0]?.redemptionCount).toBe(1)
    expect(h.sandbox.objects('coupon')[0]?.redemptionCount).toBe(1)
    const order = (await h.call('GET', `/orders/${s.order.id}?expand=all`)).json
    expect(order.discounts[0]).toMatchObject({ object: 'discount', amount: 500 })
  })

  it('applies the code posted by the page form', async () => {
    const { id } = await coupon({ discountType: 'percentage', discountPercentage: 10 })
    await promo({ code: 'TEN', coupon: id })
    const s = await session()
    const res = await h.fetch(`${h.sandbox.url}/checkout/${s.id}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'promotionCode=TEN',
    })
    expect(res.status).toBe(303)
    expect(h.sandbox.objects('order')[0]).toMatchObject({ amount: 2700, discountAmount: 300 })
  })

  it('enforce maxRedemptionCount', async () => {
    const { id } = await coupon()
    await promo({ code: 'ONCE', coupon: id, maxRedemptionCount: 1 })
    h.sandbox.authorize((await session()).id, { promotionCode: 'ONCE' })
    const second = await session()
    expect(() => h.sandbox.authorize(second.id, { promotionCode: 'ONCE' })).toThrow(
      /maximum redemption count/,
    )
    expect(h.sandbox.objects('order').find((o) => o.id === second.order.id)?.status).toBe(
      'requires_authorization',
    )
    const page = await (await h.fetch(`${second.url}?promotion-code=ONCE`)).text()
    expect(page).toContain('maximum redemption count')
    expect(page).not.toContain('name="promotionCode"')
  })

  it('refuse inactive and expired codes, and codes of inactive coupons', async () => {
    const { id } = await coupon()
    const off = (await promo({ code: 'OFF', coupon: id })).json
    await h.call('PATCH', `/promotion-codes/${off.id}`, { body: { active: false } })
    await promo({ code: 'OLD', coupon: id, expiresAt: Date.now() - 1000 })
    const s = await session()
    expect(() => h.sandbox.authorize(s.id, { promotionCode: 'OFF' })).toThrow(/inactive/)
    expect(() => h.sandbox.authorize(s.id, { promotionCode: 'OLD' })).toThrow(/expired/)
    const other = await coupon()
    await promo({ code: 'PAUSED', coupon: other.id })
    await h.call('PATCH', `/coupons/${other.id}`, { body: { active: false } })
    expect(() => h.sandbox.authorize(s.id, { promotionCode: 'PAUSED' })).toThrow(
      /coupon is inactive/,
    )
    expect(() => h.sandbox.authorize(s.id, { promotionCode: 'NOPE' })).toThrow(/No promotion code/)
    expect(h.sandbox.objects('discount')).toHaveLength(0)
  })
})
