import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  DescriptionSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
  ReferenceSchema,
  ResponseCurrencySchema,
  ref,
  TextSchema,
} from './common.js'
import {
  type Currency,
  CurrencySchema,
  type RefundReason,
  RefundReasonSchema,
  type RefundStatus,
  RefundStatusSchema,
} from './enums.js'
import { type LineItem, LineItemSchema } from './item.js'
import {
  type Payment,
  PaymentSchema,
  type UpdatePaymentParams,
  UpdatePaymentParamsSchema,
} from './payment.js'

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
export interface Refund extends ObjectFields {
  object: 'refund'
  amount: number
  currency: string
  payment?: string | Payment | undefined
  lineItems?: (string | LineItem)[] | undefined
  reason?: RefundReason | undefined
  status?: RefundStatus | undefined
  reference?: string | undefined
  description?: string | undefined
}

/** Body of `refunds.create`. */
export const CreateRefundParamsSchema = v.strictObject({
  payment: idSchema('payment'),
  amount: v.optional(AmountSchema),
  currency: CurrencySchema,
  reason: RefundReasonSchema,
  lineItems: v.optional(v.array(TextSchema)),
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `refunds.create`. */
export interface CreateRefundParams {
  /** The payment to refund (`payment_…`). */
  payment: string
  /**
   * How much to refund, in yen. Leave it out to refund everything not yet refunded (as the API's
   * generated types say; the older SDKs required it).
   */
  amount?: number | undefined
  currency: Currency
  reason: RefundReason
  /** Ids of the line items refunded. */
  lineItems?: string[] | undefined
  /** Your own reference: 1–40 characters. */
  reference?: string | undefined
  /** 1–80 characters. */
  description?: string | undefined
  metadata?: Metadata | undefined
}

/** Body of `refunds.update`: your own fields only. */
export const UpdateRefundParamsSchema = UpdatePaymentParamsSchema
/** Parameters of `refunds.update`: your own fields only. */
export type UpdateRefundParams = UpdatePaymentParams
