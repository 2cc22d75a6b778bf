import { ApiError } from './errors.js'
import { newId } from './ids.js'
import type { Scope } from './lifecycle.js'
import { baseFields, type Coupon, type Order, type PromotionCode } from './objects.js'

/** `expiresAt` is documented in ms, but one source says seconds: small values are seconds. */
const toMs = (time: number): number => (time < 1e12 ? time * 1000 : time)

/** The promotion code with this code in the caller's mode, compared case-insensitively. */
export function findPromotionCode(
  scope: Pick<Scope, 'mode' | 'store'>,
  code: string,
): PromotionCode | undefined {
  const wanted = code.toLowerCase()
  return scope.store
    .all(scope.mode, 'promotionCode')
    .find((promotion) => promotion.code.toLowerCase() === wanted)
}

const refuse = (code: string, why: string) =>
  new ApiError(400, 'promotion-code.invalid', `Promotion code "${code}" cannot be applied: ${why}.`)

/** Why a promotion code or its coupon cannot be redeemed now, if it cannot. */
function unusable(item: Coupon | PromotionCode, now: number): string | undefined {
  const what = item.object === 'coupon' ? 'its coupon' : 'it'
  if (!item.active) return `${what} is inactive`
  if (item.expiresAt !== undefined && toMs(item.expiresAt) <= now) return `${what} has expired`
  if (item.maxRedemptionCount !== undefined && item.redemptionCount >= item.maxRedemptionCount)
    return `${what} has reached its maximum redemption count`
  return undefined
}

/** Checks that `code` can discount `order` and works out the discount. */
export function checkPromotionCode(
  scope: Pick<Scope, 'mode' | 'store' | 'now'>,
  order: Order,
  code: string,
): { promotionCode: PromotionCode; coupon: Coupon; amount: number } {
  const promotionCode = findPromotionCode(scope, code)
  if (!promotionCode)
    throw new ApiError(
      404,
      'promotion-code.not-found',
      `No promotion code "${code}" exists in this mode.`,
    )
  const coupon = scope.store.get(scope.mode, 'coupon', promotionCode.coupon)
  if (!coupon) throw refuse(code, 'its coupon no longer exists')
  const why = unusable(promotionCode, scope.now) ?? unusable(coupon, scope.now)
  if (why) throw refuse(code, why)
  if (order.discounts.length > 0) throw refuse(code, 'the order already has a discount')
  for (const limited of [promotionCode, coupon])
    if (limited.currency !== undefined && limited.currency !== order.currency)
      throw refuse(code, `it is for ${limited.currency} orders`)
  if (promotionCode.minimumAmount !== undefined && order.amount < promotionCode.minimumAmount)
    throw refuse(code, `the order is below the minimum amount of ${promotionCode.minimumAmount}`)
  const raw =
    coupon.discountType === 'amount'
      ? (coupon.discountAmount ?? 0)
      : Math.floor((order.amount * (coupon.discountPercentage ?? 0)) / 100)
  return { promotionCode, coupon, amount: Math.min(raw, order.amount) }
}

/** Discounts an unauthorized order with a promotion code and counts one redemption. */
export function applyPromotionCode(scope: Scope, order: Order, code: string): Order {
  const { mode, store, now } = scope
  const { promotionCode, coupon, amount } = checkPromotionCode(scope, order, code)
  const discount = store.insert(mode, 'discount', {
    ...baseFields(newId('discount', mode), mode, now),
    object: 'discount',
    amount,
    currency: order.currency,
    coupon: coupon.id,
    promotionCode: promotionCode.id,
  })
  store.update(
    mode,
    'promotionCode',
    promotionCode.id,
    { redemptionCount: promotionCode.redemptionCount + 1 },
    now,
  )
  store.update(mode, 'coupon', coupon.id, { redemptionCount: coupon.redemptionCount + 1 }, now)
  return store.update(
    mode,
    'order',
    order.id,
    {
      amount: order.amount - amount,
      discountAmount: order.discountAmount + amount,
      discounts: [...order.discounts, discount.id],
    },
    now,
  )
}
