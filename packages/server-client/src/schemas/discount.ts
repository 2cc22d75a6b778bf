import * as v from 'valibot'
import { type ObjectFields, objectEntries, ResponseCurrencySchema, ref } from './common.js'
import { type Coupon, CouponSchema } from './coupon.js'
import { type PromotionCode, PromotionCodeSchema } from './promotionCode.js'

/** A discount applied to an order by a promotion code. */
export const DiscountSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('discount'),
  amount: v.optional(v.number()),
  currency: v.optional(ResponseCurrencySchema),
  coupon: v.optional(ref<Coupon>(CouponSchema)),
  promotionCode: v.optional(ref<PromotionCode>(PromotionCodeSchema)),
})
/** A discount as the API returns it. */
export interface Discount extends ObjectFields {
  object: 'discount'
  amount?: number | undefined
  currency?: string | undefined
  coupon?: string | Coupon | undefined
  promotionCode?: string | PromotionCode | undefined
}
