import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  type AnyObject,
  AnyObjectSchema,
  DescriptionSchema,
  MetadataSchema,
  objectEntries,
  ReferenceSchema,
  ResponseCurrencySchema,
  ref,
  TextSchema,
} from './common.js'
import { CancelRemainderSchema, CurrencySchema, PaymentStatusSchema } from './enums.js'
import { type LineItem, LineItemSchema } from './item.js'

/** A payment (`payment_…`): money captured from an authorized order. */
export const PaymentSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('payment'),
  amount: v.number(),
  currency: ResponseCurrencySchema,
  /** The order captured from: its id, or (expanded) the order. */
  order: v.optional(ref<AnyObject>(AnyObjectSchema)),
  lineItems: v.optional(v.array(ref<LineItem>(LineItemSchema))),
  status: v.optional(PaymentStatusSchema),
  reference: v.optional(v.string()),
  description: v.optional(v.string()),
})
/** A payment as the API returns it. */
export interface Payment extends v.InferOutput<typeof PaymentSchema> {}

/** Body of `payments.create` (a capture). */
export const CreatePaymentParamsSchema = v.strictObject({
  /** The authorized order to capture from (`order_…`). */
  order: idSchema('order'),
  /** How much to capture, in yen. */
  amount: AmountSchema,
  currency: CurrencySchema,
  /** `automatic` cancels what is left uncaptured; `manual` allows more captures. @default 'automatic' */
  cancelRemainder: v.optional(CancelRemainderSchema),
  /** Ids of the order's line items this capture covers. */
  lineItems: v.optional(v.array(TextSchema)),
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `payments.create`. */
export type CreatePaymentParams = v.InferInput<typeof CreatePaymentParamsSchema>

/** Body of `payments.update` and `refunds.update`: your own fields only. */
export const UpdatePaymentParamsSchema = v.strictObject({
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `payments.update`. */
export type UpdatePaymentParams = v.InferInput<typeof UpdatePaymentParamsSchema>
