import * as v from 'valibot'
import { AmountSchema, ReferenceSchema, TextSchema } from './common.js'
import { AddressTypeSchema, CurrencySchema } from './enums.js'

/** A postal address. `line1`, `locality`, `postalCode` and `country` are required. */
export const AddressSchema = v.strictObject({
  line1: TextSchema,
  line2: v.optional(v.string()),
  line3: v.optional(v.string()),
  line4: v.optional(v.string()),
  line5: v.optional(v.string()),
  /** District or neighbourhood. */
  subLocality: v.optional(v.string()),
  /** City or ward, up to 80 characters. */
  locality: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  /** Prefecture, e.g. `東京都`. */
  administrativeArea: v.optional(v.string()),
  postalCode: TextSchema,
  /** ISO 3166-1 alpha-2 code, e.g. `JP`. */
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Expected a two-letter country code, e.g. JP')),
  /** Accepted here as the official Node SDK accepts it; `shippingInfo.addressType` is the usual place. */
  addressType: v.optional(AddressTypeSchema),
})
/** A postal address as sent. */
export type AddressParams = v.InferInput<typeof AddressSchema>

/** Where and how an order ships. `feeCurrency` defaults to the order's currency. */
export const ShippingInfoSchema = v.strictObject({
  address: AddressSchema,
  addressType: v.optional(AddressTypeSchema),
  carrierName: v.optional(v.string()),
  /** Your shipping reference, e.g. a tracking number. */
  reference: v.optional(ReferenceSchema),
  feeAmount: v.optional(AmountSchema),
  feeCurrency: v.optional(CurrencySchema),
})
/** Shipping details as sent. */
export type ShippingInfoParams = v.InferInput<typeof ShippingInfoSchema>

/** A postal address in a response; unknown fields are kept. */
export const AddressObjectSchema = v.looseObject({
  line1: v.optional(v.string()),
  line2: v.optional(v.string()),
  line3: v.optional(v.string()),
  line4: v.optional(v.string()),
  line5: v.optional(v.string()),
  subLocality: v.optional(v.string()),
  locality: v.optional(v.string()),
  administrativeArea: v.optional(v.string()),
  postalCode: v.optional(v.string()),
  country: v.optional(v.string()),
})
/** A postal address as the API returns it. */
export interface Address extends v.InferOutput<typeof AddressObjectSchema> {}

/** Shipping details in a response. */
export const ShippingInfoObjectSchema = v.looseObject({
  address: v.optional(AddressObjectSchema),
  addressType: v.optional(v.string()),
  carrierName: v.optional(v.string()),
  reference: v.optional(v.string()),
  feeAmount: v.optional(v.number()),
  feeCurrency: v.optional(v.string()),
})
/** Shipping details as the API returns them. */
export interface ShippingInfo extends v.InferOutput<typeof ShippingInfoObjectSchema> {}
