import * as v from 'valibot'
import {
  AmountSchema,
  CountSchema,
  HttpUrlSchema,
  MetadataSchema,
  objectEntries,
  ResponseCurrencySchema,
  ref,
} from './common.js'
import { CurrencySchema, LineItemKindSchema } from './enums.js'

const itemEntries = {
  /** Product name shown to the shopper. */
  name: v.pipe(v.string(), v.minLength(1)),
  /** Unit price in yen; `quantity` multiplies it. */
  amount: AmountSchema,
  /** How many. @default 1 */
  quantity: v.optional(CountSchema),
  /** `discount` items are subtracted from the total and `tax` items added. @default 'product' */
  kind: v.optional(LineItemKindSchema),
  brand: v.optional(v.string()),
  categories: v.optional(v.array(v.string())),
  gtin: v.optional(v.string()),
  /** Product image URLs, up to 8. */
  images: v.optional(v.pipe(v.array(HttpUrlSchema), v.maxLength(8, 'Expected at most 8 images'))),
  reference: v.optional(v.string()),
  url: v.optional(HttpUrlSchema),
  /** Price label for you; not shown to the shopper. */
  label: v.optional(v.string()),
  description: v.optional(v.string()),
  metadata: v.optional(MetadataSchema),
  productDescription: v.optional(v.string()),
  productMetadata: v.optional(MetadataSchema),
  priceDescription: v.optional(v.string()),
  priceMetadata: v.optional(MetadataSchema),
}

/** A line item as the API takes it: `name`, `amount` and `currency` are required. */
export const ItemSchema = v.strictObject({ ...itemEntries, currency: CurrencySchema })
/** A line item of a token order. */
export type ItemParams = v.InferInput<typeof ItemSchema>

/** A checkout line item: `currency` may be left out and is then the session's currency. */
export const CheckoutItemSchema = v.strictObject({
  ...itemEntries,
  currency: v.optional(CurrencySchema),
})
/** A line item of a checkout session. */
export type CheckoutItemParams = v.InferInput<typeof CheckoutItemSchema>

/** Between 1 and 50 items, as the API requires. */
// @__NO_SIDE_EFFECTS__
export function itemList<S extends v.GenericSchema>(item: S) {
  return v.pipe(
    v.array(item),
    v.minLength(1, 'Expected at least one item'),
    v.maxLength(50, 'Expected at most 50 items'),
  )
}

/** The product behind a price, in an expanded line item. */
const ProductSchema = v.looseObject({
  ...objectEntries,
  object: v.optional(v.string()),
  name: v.optional(v.string()),
  brand: v.optional(v.string()),
  categories: v.optional(v.array(v.string())),
  gtin: v.optional(v.string()),
  images: v.optional(v.array(v.string())),
  reference: v.optional(v.string()),
  url: v.optional(v.string()),
  description: v.optional(v.string()),
  active: v.optional(v.boolean()),
})
/** The product behind a price, as the API returns it. */
export interface Product extends v.InferOutput<typeof ProductSchema> {}

/** The price of an expanded line item. */
const PriceSchema = v.looseObject({
  ...objectEntries,
  object: v.optional(v.string()),
  active: v.optional(v.boolean()),
  amount: v.optional(v.number()),
  currency: v.optional(ResponseCurrencySchema),
  label: v.optional(v.string()),
  description: v.optional(v.string()),
  product: v.optional(ref<Product>(ProductSchema)),
})
/** The price of a line item, as the API returns it. */
export interface Price extends v.InferOutput<typeof PriceSchema> {}

/** A line item of an order (`li_…`). */
export const LineItemSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('lineItem'),
  kind: v.optional(LineItemKindSchema),
  amount: v.optional(v.number()),
  currency: v.optional(ResponseCurrencySchema),
  quantity: v.optional(v.number()),
  description: v.optional(v.string()),
  price: v.optional(ref<Price>(PriceSchema)),
})
/** A line item as the API returns it. */
export interface LineItem extends v.InferOutput<typeof LineItemSchema> {}
