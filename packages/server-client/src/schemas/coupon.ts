import * as v from 'valibot'
import {
  AmountSchema,
  CountSchema,
  MetadataSchema,
  objectEntries,
  ResponseCurrencySchema,
  TextSchema,
  TimestampSchema,
} from './common.js'
import { CurrencySchema, DiscountTypeSchema } from './enums.js'

/** A coupon (`coupon_…`): a discount that promotion codes hand out. */
export const CouponSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('coupon'),
  name: v.string(),
  active: v.optional(v.boolean()),
  discountType: DiscountTypeSchema,
  discountAmount: v.optional(v.number()),
  discountPercentage: v.optional(v.number()),
  currency: v.optional(ResponseCurrencySchema),
  expiresAt: v.optional(v.number()),
  maxRedemptionCount: v.optional(v.number()),
  redemptionCount: v.optional(v.number()),
  /** True when Smartpay funds the discount. */
  sponsored: v.optional(v.boolean()),
})
/** A coupon as the API returns it. */
export interface Coupon extends v.InferOutput<typeof CouponSchema> {}

const couponEntries = {
  name: TextSchema,
  /** Sent as the official Node SDK sends it; not in the API's generated types. */
  description: v.optional(v.string()),
  /** When the coupon stops working, in ms since the epoch (the API's unit here is unverified). */
  expiresAt: v.optional(TimestampSchema),
  /** How many times it may be redeemed in total. */
  maxRedemptionCount: v.optional(CountSchema),
  metadata: v.optional(MetadataSchema),
}

/**
 * Body of `coupons.create`: a fixed `discountAmount` in `currency`, or a `discountPercentage`
 * from 0 to 100, depending on `discountType`.
 */
export const CreateCouponParamsSchema = v.variant('discountType', [
  v.strictObject({
    ...couponEntries,
    discountType: v.literal('amount'),
    discountAmount: AmountSchema,
    currency: CurrencySchema,
  }),
  v.strictObject({
    ...couponEntries,
    discountType: v.literal('percentage'),
    discountPercentage: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    /** Optional here; the official SDKs send it when given. */
    currency: v.optional(CurrencySchema),
  }),
])
/** Parameters of `coupons.create`. */
export type CreateCouponParams = v.InferInput<typeof CreateCouponParamsSchema>

/** Body of `coupons.update`. */
export const UpdateCouponParamsSchema = v.strictObject({
  active: v.optional(v.boolean()),
  name: v.optional(TextSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `coupons.update`. */
export type UpdateCouponParams = v.InferInput<typeof UpdateCouponParamsSchema>
