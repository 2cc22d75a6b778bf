import * as v from 'valibot'
import { idSchema } from '../ids.js'
import { ShippingInfoObjectSchema, ShippingInfoSchema } from './address.js'
import {
  AmountSchema,
  MetadataSchema,
  objectEntries,
  ReferenceSchema,
  ResponseCurrencySchema,
  ref,
} from './common.js'
import { CustomerInfoSchema } from './customer.js'
import { type Discount, DiscountSchema } from './discount.js'
import { CaptureMethodSchema, CurrencySchema, OrderStatusSchema } from './enums.js'
import { ItemSchema, itemList, type LineItem, LineItemSchema } from './item.js'
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
  /** After this, the order can no longer be captured (set once authorized). */
  expiresAt: v.optional(v.number()),
  lineItems: v.optional(v.array(ref<LineItem>(LineItemSchema))),
  payments: v.optional(v.array(ref<Payment>(PaymentSchema))),
  shippingInfo: v.optional(ShippingInfoObjectSchema),
  /** The token charged, for orders created from a token. */
  tokenId: v.optional(v.string()),
})
/** An order as the API returns it. */
export interface Order extends v.InferOutput<typeof OrderSchema> {}

/** Body of `orders.create`: charge an active payment token. No amount is computed here. */
export const CreateOrderParamsSchema = v.strictObject({
  /** The active payment token to charge (`paytok_…`). */
  token: idSchema('token'),
  /** Total in yen: the items, plus shipping, minus discounts. */
  amount: AmountSchema,
  currency: CurrencySchema,
  items: itemList(ItemSchema),
  customerInfo: CustomerInfoSchema,
  shippingInfo: ShippingInfoSchema,
  /** @default 'automatic' */
  captureMethod: v.optional(CaptureMethodSchema),
  reference: v.optional(ReferenceSchema),
  metadata: v.optional(MetadataSchema),
})
/** Parameters of `orders.create`. */
export type CreateOrderParams = v.InferInput<typeof CreateOrderParamsSchema>
