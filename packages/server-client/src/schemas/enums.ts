import * as v from 'valibot'
import { WEBHOOK_EVENT_TYPES } from '../webhooks/event.js'

// Every enumeration of the API (smartpay-api.md §3.3), as picklists: `Schema.options` lists the
// values, and each type is inferred from its schema.

/** Currencies the API lists. Upper case only, as the API documents it. */
export const CurrencySchema = v.picklist(['JPY'])
/** A currency code: `'JPY'`. */
export type Currency = v.InferOutput<typeof CurrencySchema>

/** Where an order is in its life; `failed` appears only in the official Node SDK. */
export const OrderStatusSchema = v.picklist([
  'requires_authorization',
  'requires_capture',
  'succeeded',
  'canceled',
  'rejected',
  'pending',
  'failed',
])
/** An order's status. */
export type OrderStatus = v.InferOutput<typeof OrderStatusSchema>

/** Where a payment token is in its life. */
export const TokenStatusSchema = v.picklist([
  'requires_authorization',
  'active',
  'rejected',
  'disabled',
  'deleted',
])
/** A payment token's status. */
export type TokenStatus = v.InferOutput<typeof TokenStatusSchema>

/** Payment (capture) statuses. */
export const PaymentStatusSchema = v.picklist(['processed', 'refunded'])
/** A payment's status. */
export type PaymentStatus = v.InferOutput<typeof PaymentStatusSchema>

/** Refund statuses. */
export const RefundStatusSchema = v.picklist(['succeeded', 'failed'])
/** A refund's status. */
export type RefundStatus = v.InferOutput<typeof RefundStatusSchema>

/** Why a refund is made. */
export const RefundReasonSchema = v.picklist(['requested_by_customer', 'fraudulent'])
/** A refund's reason. */
export type RefundReason = v.InferOutput<typeof RefundReasonSchema>

/** `automatic` captures on authorization; `manual` waits for `payments.create`. */
export const CaptureMethodSchema = v.picklist(['automatic', 'manual'])
/** How an order is captured. */
export type CaptureMethod = v.InferOutput<typeof CaptureMethodSchema>

/** After a capture: `automatic` cancels the rest of the order; `manual` allows more captures. */
export const CancelRemainderSchema = v.picklist(['automatic', 'manual'])
/** What happens to the uncaptured remainder of an order. */
export type CancelRemainder = v.InferOutput<typeof CancelRemainderSchema>

/** What a line item is: a product (the default), a discount (subtracted) or a tax (added). */
export const LineItemKindSchema = v.picklist(['product', 'discount', 'tax'])
/** A line item's kind. */
export type LineItemKind = v.InferOutput<typeof LineItemKindSchema>

/** The kind of place a shipping address is. */
export const AddressTypeSchema = v.picklist(['home', 'gift', 'locker', 'office', 'store'])
/** A shipping address type. */
export type AddressType = v.InferOutput<typeof AddressTypeSchema>

/** How a coupon discounts: a fixed amount or a percentage. */
export const DiscountTypeSchema = v.picklist(['amount', 'percentage'])
/** A coupon's discount type. */
export type DiscountType = v.InferOutput<typeof DiscountTypeSchema>

/** Languages of the hosted checkout. */
export const LocaleSchema = v.picklist(['en', 'ja'])
/** A checkout locale. */
export type Locale = v.InferOutput<typeof LocaleSchema>

/** `all` returns referenced objects in full; `no` (the API's default) returns their ids. */
export const ExpandSchema = v.picklist(['all', 'no'])
/** The `expand` query value. */
export type Expand = v.InferOutput<typeof ExpandSchema>

/** The 20 event types a webhook endpoint can subscribe to (smartpay-api.md §6.5). */
export const EventTypeSchema = v.picklist(WEBHOOK_EVENT_TYPES)
/** An event type a webhook endpoint can subscribe to. */
export type EventType = v.InferOutput<typeof EventTypeSchema>
