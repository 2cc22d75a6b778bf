import * as v from 'valibot'
import { idSchema } from '../ids.js'
import {
  type ShippingInfo,
  ShippingInfoObjectSchema,
  type ShippingInfoParams,
  ShippingInfoSchema,
} from './address.js'
import {
  AmountSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
  ReferenceSchema,
  ResponseCurrencySchema,
  ref,
} from './common.js'
import { type CustomerInfoParams, CustomerInfoSchema } from './customer.js'
import { type Discount, DiscountSchema } from './discount.js'
import {
  type CaptureMethod,
  CaptureMethodSchema,
  type Currency,
  CurrencySchema,
  type OrderStatus,
  OrderStatusSchema,
} from './enums.js'
import { type ItemParams, ItemSchema, itemList, type LineItem, LineItemSchema } from './item.js'
import { type Payment, PaymentSchema } from './payment.js'

/** An order (`order_…`): what the shopper agreed to pay, captured by payments. */
export const OrderSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('order'),
  status: OrderStatusSchema,
  amount: v.number(),
  currency: ResponseCurrencySchema,
  description: v.optional(v.string()),
  reference: v.optional(v.string()),
  discountAmount: v.optional(v.number()),
  discounts: v.optional(v.array(ref<Discount>(DiscountSchema))),
  expiresAt: v.optional(v.number()),
  lineItems: v.optional(v.array(ref<LineItem>(LineItemSchema))),
  payments: v.optional(v.array(ref<Payment>(PaymentSchema))),
  shippingInfo: v.optional(ShippingInfoObjectSchema),
  tokenId: v.optional(v.string()),
})
/** An order as the API returns it. */
export interface Order extends ObjectFields {
  object: 'order'
  status: OrderStatus
  /** Total in yen. */
  amount: number
  currency: string
  description?: string | undefined
  reference?: string | undefined
  discountAmount?: number | undefined
  discounts?: (string | Discount)[] | undefined
  /** After this, the order can no longer be captured (set once authorized). */
  expiresAt?: number | undefined
  lineItems?: (string | LineItem)[] | undefined
  payments?: (string | Payment)[] | undefined
  shippingInfo?: ShippingInfo | undefined
  /** The token charged, for orders created from a token. */
  tokenId?: string | undefined
}

/** Body of `orders.create`: charge an active payment token. No amount is computed here. */
export const CreateOrderParamsSchema = v.strictObject({
  token: idSchema('token'),
  amount: AmountSchema,
  currency: CurrencySchema,
  items: itemList(ItemSchema),
  customerInfo: CustomerInfoSchema,
  shippingInfo: ShippingInfoSchema,
  captureMethod: v.optional(CaptureMethodSchema),
  reference: v.optional(ReferenceSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `orders.create`: charge an active payment token. No amount is computed here. */
export interface CreateOrderParams {
  /** The active payment token to charge (`paytok_…`). */
  token: string
  /** Total in yen: the items, plus shipping, minus discounts. */
  amount: number
  currency: Currency
  /** 1–50 items. */
  items: ItemParams[]
  customerInfo: CustomerInfoParams
  shippingInfo: ShippingInfoParams
  /** @default 'automatic' */
  captureMethod?: CaptureMethod | undefined
  /** Your own reference, e.g. an order number: 1–40 characters. */
  reference?: string | undefined
  metadata?: Metadata | undefined
}
