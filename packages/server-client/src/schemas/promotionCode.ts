import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  CountSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
  ResponseCurrencySchema,
  ref,
  TextSchema,
  TimestampSchema,
} from './common.js'
import { type Coupon, CouponSchema } from './coupon.js'
import { type Currency, CurrencySchema } from './enums.js'

/** A promotion code (`promotioncode_…`): the code a shopper types to get a coupon. */
export const PromotionCodeSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('promotionCode'),
  code: v.string(),
  coupon: ref<Coupon>(CouponSchema),
  active: v.optional(v.boolean()),
  currency: v.optional(ResponseCurrencySchema),
  expiresAt: v.optional(v.number()),
  firstTimeTransaction: v.optional(v.boolean()),
  onePerCustomer: v.optional(v.boolean()),
  maxRedemptionCount: v.optional(v.number()),
  redemptionCount: v.optional(v.number()),
  minimumAmount: v.optional(v.number()),
})
/** A promotion code as the API returns it. */
export interface PromotionCode extends ObjectFields {
  object: 'promotionCode'
  code: string
  coupon: string | Coupon
  active?: boolean | undefined
  currency?: string | undefined
  expiresAt?: number | undefined
  firstTimeTransaction?: boolean | undefined
  onePerCustomer?: boolean | undefined
  maxRedemptionCount?: number | undefined
  redemptionCount?: number | undefined
  minimumAmount?: number | undefined
}

/** Body of `promotionCodes.create`. `minimumAmount` needs `currency`. */
export const CreatePromotionCodeParamsSchema = v.pipe(
  v.strictObject({
    code: TextSchema,
    /** The coupon this code hands out. */
    coupon: idSchema('coupon'),
    active: v.optional(v.boolean()),
    currency: v.optional(CurrencySchema),
    expiresAt: v.optional(TimestampSchema),
    firstTimeTransaction: v.optional(v.boolean()),
    maxRedemptionCount: v.optional(CountSchema),
    minimumAmount: v.optional(AmountSchema),
    onePerCustomer: v.optional(v.boolean()),
    metadata: v.optional(MetadataSchema),
  }),
  v.forward(
    v.check(
      (input) => input.minimumAmount === undefined || input.currency !== undefined,
      'currency is required when minimumAmount is given',
    ),
    ['currency'],
  ),
)
/** Parameters of `promotionCodes.create`. `minimumAmount` needs `currency`. */
export interface CreatePromotionCodeParams {
  /** What the shopper types; unique per merchant, case-insensitive. */
  code: string
  /** The coupon this code hands out (`coupon_…`). */
  coupon: string
  /** @default true */
  active?: boolean | undefined
  currency?: Currency | undefined
  /** When the code stops working, in ms since the epoch. */
  expiresAt?: number | undefined
  /** Only for a shopper's first purchase. @default false */
  firstTimeTransaction?: boolean | undefined
  maxRedemptionCount?: number | undefined
  /** Smallest order amount the code applies to; needs `currency`. */
  minimumAmount?: number | undefined
  /** At most one use per shopper. @default false */
  onePerCustomer?: boolean | undefined
  metadata?: Metadata | undefined
}

/** Body of `promotionCodes.update`. */
export const UpdatePromotionCodeParamsSchema = v.strictObject({
  active: v.optional(v.boolean()),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `promotionCodes.update`. */
export interface UpdatePromotionCodeParams {
  active?: boolean | undefined
  metadata?: Metadata | undefined
}
