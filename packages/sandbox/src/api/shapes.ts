import {
  array,
  integer,
  metadata,
  object,
  type Rule,
  required,
  type Shape,
  string,
} from './validation.js'

/** Currencies the API lists. */
export const CURRENCIES = ['JPY'] as const

/** `currency`: an upper-case ISO code the API supports. */
export const currency: Rule = string({ oneOf: CURRENCIES })

/** A postal address (Japan only, as the API documents). */
export const address: Rule = object({
  line1: required(string({ min: 1 })),
  line2: string(),
  line3: string(),
  line4: string(),
  line5: string(),
  subLocality: string(),
  locality: required(string({ min: 1, max: 80 })),
  administrativeArea: string(),
  postalCode: required(string({ min: 1 })),
  country: required(string({ oneOf: ['JP'] })),
})

/** `customerInfo`: every field optional, but typed. */
export const customerInfo: Rule = object({
  accountAge: integer(),
  emailAddress: string(),
  firstName: string(),
  lastName: string(),
  firstNameKana: string(),
  lastNameKana: string(),
  address,
  phoneNumber: string(),
  dateOfBirth: string(),
  legalGender: string({ oneOf: ['male', 'female'] }),
  reference: string(),
})

/** `shippingInfo` with its required address. */
export const shippingInfo: Rule = object({
  address: required(address),
  addressType: string({ oneOf: ['home', 'gift', 'locker', 'office', 'store'] }),
  carrierName: string(),
  reference: string(),
  feeAmount: integer(),
  feeCurrency: currency,
})

/** One entry of `items`. */
export const item: Rule = object({
  name: required(string({ min: 1 })),
  amount: required(integer()),
  currency,
  quantity: integer(),
  kind: string({ oneOf: ['product', 'discount', 'tax'] }),
  brand: string(),
  categories: array(string()),
  gtin: string(),
  images: array(string({ url: true }), { max: 8 }),
  reference: string(),
  url: string({ url: true }),
  label: string(),
  description: string(),
  metadata,
  productDescription: string(),
  productMetadata: metadata,
  priceDescription: string(),
  priceMetadata: metadata,
})

/** `captureMethod`. */
export const captureMethod: Rule = string({ oneOf: ['automatic', 'manual'] })

/** The fields an order needs, shared by checkout sessions and token orders. */
export const orderFields: Shape = {
  amount: required(integer()),
  currency: required(currency),
  items: required(array(item, { min: 1, max: 50 })),
  customerInfo: required(customerInfo),
  shippingInfo: required(shippingInfo),
  captureMethod,
  description: string({ min: 1, max: 80 }),
  reference: string({ min: 1, max: 40 }),
  metadata,
}

/** `reference`, `description`, `metadata`: what payments and refunds let you update. */
export const noteFields: Shape = {
  reference: string({ min: 1, max: 40 }),
  description: string({ min: 1, max: 80 }),
  metadata,
}
