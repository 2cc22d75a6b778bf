import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  AmountSchema,
  type AnyObject,
  AnyObjectSchema,
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
  type CancelRemainder,
  CancelRemainderSchema,
  type Currency,
  CurrencySchema,
  type PaymentStatus,
  PaymentStatusSchema,
} from './enums.js'
import { type LineItem, LineItemSchema } from './item.js'

/** A payment (`payment_…`): money captured from an authorized order. */
export const PaymentSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('payment'),
  amount: v.number(),
  currency: ResponseCurrencySchema,
  order: v.optional(ref<AnyObject>(AnyObjectSchema)),
  lineItems: v.optional(v.array(ref<LineItem>(LineItemSchema))),
  status: v.optional(PaymentStatusSchema),
  reference: v.optional(v.string()),
  description: v.optional(v.string()),
})
/** A payment as the API returns it. */
export interface Payment extends ObjectFields {
  object: 'payment'
  amount: number
  currency: string
  /** The order captured from: its id, or (expanded) the order. */
  order?: string | AnyObject | undefined
  lineItems?: (string | LineItem)[] | undefined
  status?: PaymentStatus | undefined
  reference?: string | undefined
  description?: string | undefined
}

/** Body of `payments.create` (a capture). */
export const CreatePaymentParamsSchema = v.strictObject({
  order: idSchema('order'),
  amount: AmountSchema,
  currency: CurrencySchema,
  cancelRemainder: v.optional(CancelRemainderSchema),
  lineItems: v.optional(v.array(TextSchema)),
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `payments.create` (a capture). */
export interface CreatePaymentParams {
  /** The authorized order to capture from (`order_…`). */
  order: string
  /** How much to capture, in yen. */
  amount: number
  currency: Currency
  /** `automatic` cancels what is left uncaptured; `manual` allows more captures. @default 'automatic' */
  cancelRemainder?: CancelRemainder | undefined
  /** Ids of the order's line items this capture covers. */
  lineItems?: string[] | undefined
  /** Your own reference: 1–40 characters. */
  reference?: string | undefined
  /** 1–80 characters. */
  description?: string | undefined
  metadata?: Metadata | undefined
}

/** Body of `payments.update` and `refunds.update`: your own fields only. */
export const UpdatePaymentParamsSchema = v.strictObject({
  reference: v.optional(ReferenceSchema),
  description: v.optional(DescriptionSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `payments.update` and `refunds.update`: your own fields only. */
export interface UpdatePaymentParams {
  /** Your own reference: 1–40 characters. */
  reference?: string | undefined
  /** 1–80 characters. */
  description?: string | undefined
  metadata?: Metadata | undefined
}
