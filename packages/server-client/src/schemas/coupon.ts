import * as v from 'valibot'
import {
  AmountSchema,
  CountSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
  ResponseCurrencySchema,
  TextSchema,
  TimestampSchema,
} from './common.js'
import { type Currency, CurrencySchema, type DiscountType, DiscountTypeSchema } from './enums.js'

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
  sponsored: v.optional(v.boolean()),
})
/** A coupon as the API returns it. */
export interface Coupon extends ObjectFields {
  object: 'coupon'
  name: string
  active?: boolean | undefined
  discountType: DiscountType
  discountAmount?: number | undefined
  discountPercentage?: number | undefined
  currency?: string | undefined
  expiresAt?: number | undefined
  maxRedemptionCount?: number | undefined
  redemptionCount?: number | undefined
  /** True when Smartpay funds the discount. */
  sponsored?: boolean | undefined
}

const couponEntries = {
  name: TextSchema,
  description: v.optional(v.string()),
  expiresAt: v.optional(TimestampSchema),
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
    currency: v.optional(CurrencySchema),
  }),
])
/** What every coupon takes. */
interface CouponFields {
  name: string
  /** Sent as the official Node SDK sends it; not in the API's generated types. */
  description?: string | undefined
  /** When the coupon stops working, in ms since the epoch (the API's unit here is unverified). */
  expiresAt?: number | undefined
  /** How many times it may be redeemed in total. */
  maxRedemptionCount?: number | undefined
  metadata?: Metadata | undefined
}

/** Parameters of `coupons.create` for a fixed amount off. */
export interface CreateAmountCouponParams extends CouponFields {
  discountType: 'amount'
  /** Yen off. */
  discountAmount: number
  currency: Currency
}

/** Parameters of `coupons.create` for a percentage off. */
export interface CreatePercentageCouponParams extends CouponFields {
  discountType: 'percentage'
  /** 0 to 100. */
  discountPercentage: number
  /** Optional here; the official SDKs send it when given. */
  currency?: Currency | undefined
}

/** Parameters of `coupons.create`: an amount or a percentage off, by `discountType`. */
export type CreateCouponParams = CreateAmountCouponParams | CreatePercentageCouponParams

/** Body of `coupons.update`. */
export const UpdateCouponParamsSchema = v.strictObject({
  active: v.optional(v.boolean()),
  name: v.optional(TextSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `coupons.update`. */
export interface UpdateCouponParams {
  active?: boolean | undefined
  name?: string | undefined
  metadata?: Metadata | undefined
}
