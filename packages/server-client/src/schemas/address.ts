import * as v from 'valibot'
import { AmountSchema, ReferenceSchema, TextSchema } from './common.js'
import { type AddressType, AddressTypeSchema, type Currency, CurrencySchema } from './enums.js'

/** A postal address. `line1`, `locality`, `postalCode` and `country` are required. */
export const AddressSchema = v.strictObject({
  line1: TextSchema,
  line2: v.optional(v.string()),
  line3: v.optional(v.string()),
  line4: v.optional(v.string()),
  line5: v.optional(v.string()),
  subLocality: v.optional(v.string()),
  locality: v.pipe(v.string(), v.minLength(1), v.maxLength(80)),
  administrativeArea: v.optional(v.string()),
  postalCode: TextSchema,
  country: v.pipe(v.string(), v.regex(/^[A-Z]{2}$/, 'Expected a two-letter country code, e.g. JP')),
  addressType: v.optional(AddressTypeSchema),
})
/** A postal address as sent. `line1`, `locality`, `postalCode` and `country` are required. */
export interface AddressParams {
  line1: string
  line2?: string | undefined
  line3?: string | undefined
  line4?: string | undefined
  line5?: string | undefined
  /** District or neighbourhood. */
  subLocality?: string | undefined
  /** City or ward, up to 80 characters. */
  locality: string
  /** Prefecture, e.g. `東京都`. */
  administrativeArea?: string | undefined
  postalCode: string
  /** ISO 3166-1 alpha-2 code, e.g. `JP`. */
  country: string
  /** Accepted here as the official Node SDK accepts it; `shippingInfo.addressType` is the usual place. */
  addressType?: AddressType | undefined
}

/** Where and how an order ships. `feeCurrency` defaults to the order's currency. */
export const ShippingInfoSchema = v.strictObject({
  address: AddressSchema,
  addressType: v.optional(AddressTypeSchema),
  carrierName: v.optional(v.string()),
  reference: v.optional(ReferenceSchema),
  feeAmount: v.optional(AmountSchema),
  feeCurrency: v.optional(CurrencySchema),
})
/** Where and how an order ships, as sent. `feeCurrency` defaults to the order's currency. */
export interface ShippingInfoParams {
  address: AddressParams
  addressType?: AddressType | undefined
  carrierName?: string | undefined
  /** Your shipping reference, e.g. a tracking number. */
  reference?: string | undefined
  feeAmount?: number | undefined
  feeCurrency?: Currency | undefined
}

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
export interface Address {
  [field: string]: unknown
  line1?: string | undefined
  line2?: string | undefined
  line3?: string | undefined
  line4?: string | undefined
  line5?: string | undefined
  subLocality?: string | undefined
  locality?: string | undefined
  administrativeArea?: string | undefined
  postalCode?: string | undefined
  country?: string | undefined
}

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
export interface ShippingInfo {
  [field: string]: unknown
  address?: Address | undefined
  addressType?: string | undefined
  carrierName?: string | undefined
  reference?: string | undefined
  feeAmount?: number | undefined
  feeCurrency?: string | undefined
}
