import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  CountSchema,
  MetadataSchema,
  objectEntries,
  ResponseCurrencySchema,
  ref,
  TextSchema,
  TimestampSchema,
} from './common.js'
import { type Coupon, CouponSchema } from './coupon.js'
import { CurrencySchema } from './enums.js'

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
export interface PromotionCode extends v.InferOutput<typeof PromotionCodeSchema> {}

/** Body of `promotionCodes.create`. `minimumAmount` needs `currency`. */
export const CreatePromotionCodeParamsSchema = v.pipe(
  v.strictObject({
    /** What the shopper types; unique per merchant, case-insensitive. */
    code: TextSchema,
    /** The coupon this code hands out. */
    coupon: idSchema('coupon'),
    /** @default true */
    active: v.optional(v.boolean()),
    currency: v.optional(CurrencySchema),
    expiresAt: v.optional(TimestampSchema),
    /** Only for a shopper's first purchase. @default false */
    firstTimeTransaction: v.optional(v.boolean()),
    maxRedemptionCount: v.optional(CountSchema),
    /** Smallest order amount the code applies to; needs `currency`. */
    minimumAmount: v.optional(AmountSchema),
    /** At most one use per shopper. @default false */
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
/** Parameters of `promotionCodes.create`. */
export type CreatePromotionCodeParams = v.InferInput<typeof CreatePromotionCodeParamsSchema>

/** Body of `promotionCodes.update`. */
export const UpdatePromotionCodeParamsSchema = v.strictObject({
  active: v.optional(v.boolean()),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `promotionCodes.update`. */
export type UpdatePromotionCodeParams = v.InferInput<typeof UpdatePromotionCodeParamsSchema>
