import { describe, expect, it } from 'vitest'
import { applyPromotionCode, checkPromotionCode, findPromotionCode } from './discounts.js'
import { createOrder } from './lifecycle.js'
import type { Coupon, JsonObject, PromotionCode } from './objects.js'
import { testScope } from './testing/scope.js'

type Setup = {
  coupon?: Partial<Coupon>
  code?: Partial<PromotionCode>
  order?: JsonObject
}

/** A scope holding a 10% coupon, its promotion code SPRING and a 3000 JPY order. */
function setup({ coupon = {}, code = {}, order = {} }: Setup = {}) {
  const { scope, emitted } = testScope()
  const base = { test: true, createdAt: 0, updatedAt: 0, metadata: {}, redemptionCount: 0 }
  scope.store.insert('test', 'coupon', {
    ...base,
    id: 'coupon_test_a',
    object: 'coupon',
    name: '10% off',
    active: true,
    discountType: 'percentage',
    discountPercentage: 10,
    sponsored: false,
    ...coupon,
  })
  scope.store.insert('test', 'promotionCode', {
    ...base,
    id: 'promotioncode_test_a',
    object: 'promotionCode',
    code: 'SPRING',
    coupon: 'coupon_test_a',
    active: true,
    firstTimeTransaction: false,
    onePerCustomer: false,
    ...code,
  })
  const created = createOrder(scope, {
    amount: 3000,
    currency: 'JPY',
    items: [{ name: 'Tea', amount: 3000 }],
    customerInfo: {},
    shippingInfo: {},
    ...order,
  })
  return { scope, emitted, order: created }
}

/** The reason `checkPromotionCode` gives for refusing SPRING in this setup. */
const refusal = (given: Setup) => {
  const { scope, order } = setup(given)
  try {
    checkPromotionCode(scope, order, 'SPRING')
  } catch (error) {
    return error
  }
  throw new Error('SPRING was accepted')
}

describe('findPromotionCode', () => {
  it('finds a code whatever its case, in the caller’s mode only', () => {
    const { scope } = setup()
    expect(findPromotionCode(scope, 'spring')?.id).toBe('promotioncode_test_a')
    expect(findPromotionCode({ ...scope, mode: 'live' }, 'SPRING')).toBeUndefined()
    expect(findPromotionCode(scope, 'SUMMER')).toBeUndefined()
  })
})

describe('checkPromotionCode', () => {
  it('works out a percentage, rounded down, and a fixed amount, capped at the order', () => {
    const percent = setup({ coupon: { discountPercentage: 15 }, order: { amount: 999 } })
    expect(checkPromotionCode(percent.scope, percent.order, 'SPRING').amount).toBe(149)
    const fixed = setup({ coupon: { discountType: 'amount', discountAmount: 5000 } })
    expect(checkPromotionCode(fixed.scope, fixed.order, 'SPRING').amount).toBe(3000)
  })

  it('answers 404 for a code that does not exist', () => {
    const { scope, order } = setup()
    expect(() => checkPromotionCode(scope, order, 'SUMMER')).toThrow(
      expect.objectContaining({ statusCode: 404, errorCode: 'promotion-code.not-found' }),
    )
  })

  it.each([
    [{ code: { active: false } }, 'it is inactive'],
    [{ coupon: { active: false } }, 'its coupon is inactive'],
    [{ code: { expiresAt: Date.parse('2029-12-31T00:00:00Z') } }, 'it has expired'],
    [{ coupon: { expiresAt: Date.parse('2029-12-31T00:00:00Z') } }, 'its coupon has expired'],
    [
      { code: { maxRedemptionCount: 2, redemptionCount: 2 } },
      'it has reached its maximum redemption count',
    ],
    [{ code: { currency: 'USD' } }, 'it is for USD orders'],
    [{ coupon: { currency: 'USD' } }, 'it is for USD orders'],
    [{ code: { minimumAmount: 5000 } }, 'the order is below the minimum amount of 5000'],
  ] satisfies [Setup, string][])('refuses with 400 when %j: %s', (given, why) => {
    expect(refusal(given)).toMatchObject({
      statusCode: 400,
      errorCode: 'promotion-code.invalid',
      message: `Promotion code "SPRING" cannot be applied: ${why}.`,
    })
  })

  it('reads a small expiresAt as seconds, as one source documents it', () => {
    // The scope's now is 2030-01-01; in seconds, 2029-12-31 is below 1e12 and expired.
    const seconds = Date.parse('2029-12-31T00:00:00Z') / 1000
    expect(refusal({ code: { expiresAt: seconds } })).toMatchObject({
      message: 'Promotion code "SPRING" cannot be applied: it has expired.',
    })
    const { scope, order } = setup({ code: { expiresAt: seconds + 2 * 86_400 } })
    expect(checkPromotionCode(scope, order, 'SPRING').amount).toBe(300)
  })

  it('refuses a code whose coupon is gone', () => {
    const { scope, order } = setup()
    scope.store.delete('test', 'coupon', 'coupon_test_a')
    expect(() => checkPromotionCode(scope, order, 'SPRING')).toThrow(
      'Promotion code "SPRING" cannot be applied: its coupon no longer exists.',
    )
  })
})

describe('applyPromotionCode', () => {
  it('discounts the order and counts one redemption on the code and its coupon', () => {
    const { scope, order } = setup()
    const discounted = applyPromotionCode(scope, order, 'spring')
    expect(discounted).toMatchObject({ amount: 2700, discountAmount: 300 })
    expect(scope.store.get('test', 'order', order.id)).toEqual(discounted)
    const [discountId] = discounted.discounts
    expect(scope.store.get('test', 'discount', discountId ?? '')).toMatchObject({
      amount: 300,
      currency: 'JPY',
      coupon: 'coupon_test_a',
      promotionCode: 'promotioncode_test_a',
    })
    expect(scope.store.get('test', 'promotionCode', 'promotioncode_test_a')?.redemptionCount).toBe(
      1,
    )
    expect(scope.store.get('test', 'coupon', 'coupon_test_a')?.redemptionCount).toBe(1)
  })

  it('refuses a second discount on one order, and changes nothing', () => {
    const { scope, order } = setup()
    const discounted = applyPromotionCode(scope, order, 'SPRING')
    expect(() => applyPromotionCode(scope, discounted, 'SPRING')).toThrow(
      'cannot be applied: the order already has a discount.',
    )
    expect(scope.store.get('test', 'order', order.id)).toEqual(discounted)
    expect(scope.store.get('test', 'coupon', 'coupon_test_a')?.redemptionCount).toBe(1)
  })
})
