import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  DescriptionSchema,
  MetadataSchema,
  objectEntries,
  ReferenceSchema,
  ResponseCurrencySchema,
  ref,
  TextSchema,
} from './common.js'
import { CurrencySchema, RefundReasonSchema, RefundStatusSchema } from './enums.js'
import { type LineItem, LineItemSchema } from './item.js'
import { type Payment, PaymentSchema, UpdatePaymentParamsSchema } from './payment.js'

/** A refund (`refund_…`) of (part of) a payment. Refunds are final. */
export const RefundSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('refund'),
  amount: v.number(),
  currency: ResponseCurrencySchema,
  payment: v.optional(ref<Payment>(PaymentSchema)),
  lineItems: v.optional(v.array(ref<LineItem>(LineItemSchema))),
  reason: v.optional(RefundReasonSchema),
  status: v.optional(RefundStatusSchema),
  reference: v.optional(v.string()),
  description: v.optional(v.string()),
})
/** A refund as the API returns it. */
export interface Refund extends v.InferOutput<typeof RefundSchema> {}

/** Body of `refunds.create`. */
export const CreateRefundParamsSchema = v.strictObject({
  /** The payment to refund (`payment_…`). */
  payment: idSchema('payment'),
  /**
   * How much to refund, in yen. Leave it out to refund everything not yet refunded (as the API's
   * generated types say; the older SDKs required it).
   */
  amount: v.optional(AmountSchema),
  currency: CurrencySchema,
  reason: RefundReasonSchema,
  /** Ids of the line items refunded. */
  lineItems: v.optional(v.array(TextSchema)),
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `refunds.create`. */
export type CreateRefundParams = v.InferInput<typeof CreateRefundParamsSchema>

/** Body of `refunds.update`: your own fields only. */
export const UpdateRefundParamsSchema = UpdatePaymentParamsSchema
/** Parameters of `refunds.update`. */
export type UpdateRefundParams = v.InferInput<typeof UpdateRefundParamsSchema>
