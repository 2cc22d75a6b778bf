import * as v from 'valibot'
import { objectEntries, ResponseCurrencySchema, ref } from './common.js'
import { CouponSchema } from './coupon.js'
import { PromotionCodeSchema } from './promotionCode.js'

/** A discount applied to an order by a promotion code. */
export const DiscountSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('discount'),
  amount: v.optional(v.number()),
  currency: v.optional(ResponseCurrencySchema),
  coupon: v.optional(ref(CouponSchema)),
  promotionCode: v.optional(ref(PromotionCodeSchema)),
})
/** A discount as the API returns it. */
export type Discount = v.InferOutput<typeof DiscountSchema>
