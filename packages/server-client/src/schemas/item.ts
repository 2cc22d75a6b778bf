import * as v from 'valibot'
import {
  AmountSchema,
  CountSchema,
  HttpUrlSchema,
  type Metadata,
  MetadataSchema,
  type ObjectFields,
  objectEntries,
  ResponseCurrencySchema,
  ref,
} from './common.js'
import { type Currency, CurrencySchema, type LineItemKind, LineItemKindSchema } from './enums.js'

const itemEntries = {
  name: v.pipe(v.string(), v.minLength(1)),
  amount: AmountSchema,
  quantity: v.optional(CountSchema),
  kind: v.optional(LineItemKindSchema),
  brand: v.optional(v.string()),
  categories: v.optional(v.array(v.string())),
  gtin: v.optional(v.string()),
  images: v.optional(v.pipe(v.array(HttpUrlSchema), v.maxLength(8, 'Expected at most 8 images'))),
  reference: v.optional(v.string()),
  url: v.optional(HttpUrlSchema),
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
/** What every line item takes; `currency` is required in one and optional in the other. */
interface ItemFields {
  /** Product name shown to the shopper. */
  name: string
  /** Unit price in yen; `quantity` multiplies it. */
  amount: number
  /** How many. @default 1 */
  quantity?: number | undefined
  /** `discount` items are subtracted from the total and `tax` items added. @default 'product' */
  kind?: LineItemKind | undefined
  brand?: string | undefined
  categories?: string[] | undefined
  gtin?: string | undefined
  /** Product image URLs, up to 8. */
  images?: string[] | undefined
  reference?: string | undefined
  url?: string | undefined
  /** Price label for you; not shown to the shopper. */
  label?: string | undefined
  description?: string | undefined
  metadata?: Metadata | undefined
  productDescription?: string | undefined
  productMetadata?: Metadata | undefined
  priceDescription?: string | undefined
  priceMetadata?: Metadata | undefined
}

/** A line item of a token order: `name`, `amount` and `currency` are required. */
export interface ItemParams extends ItemFields {
  currency: Currency
}

/** A checkout line item: `currency` may be left out and is then the session's currency. */
export const CheckoutItemSchema = v.strictObject({
  ...itemEntries,
  currency: v.optional(CurrencySchema),
})
/** A line item of a checkout session: `currency` may be left out and is then the session's. */
export interface CheckoutItemParams extends ItemFields {
  currency?: Currency | undefined
}

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
export interface Product extends ObjectFields {
  object?: string | undefined
  name?: string | undefined
  brand?: string | undefined
  categories?: string[] | undefined
  gtin?: string | undefined
  images?: string[] | undefined
  reference?: string | undefined
  url?: string | undefined
  description?: string | undefined
  active?: boolean | undefined
}

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
export interface Price extends ObjectFields {
  object?: string | undefined
  active?: boolean | undefined
  amount?: number | undefined
  currency?: string | undefined
  label?: string | undefined
  description?: string | undefined
  product?: string | Product | undefined
}

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
export interface LineItem extends ObjectFields {
  object: 'lineItem'
  kind?: LineItemKind | undefined
  amount?: number | undefined
  currency?: string | undefined
  quantity?: number | undefined
  description?: string | undefined
  price?: string | Price | undefined
}
