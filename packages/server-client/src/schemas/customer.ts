import * as v from 'valibot'
import { type Address, AddressObjectSchema, type AddressParams, AddressSchema } from './address.js'
import { CountSchema, ReferenceSchema } from './common.js'

const GenderSchema = v.picklist(['male', 'female'])

/**
 * What you know about the shopper. Every field is optional, but the more you pass, the fewer
 * questions the shopper is asked and the better the approval rate.
 */
export const CustomerInfoSchema = v.strictObject({
  accountAge: v.optional(CountSchema),
  emailAddress: v.optional(v.pipe(v.string(), v.email())),
  firstName: v.optional(v.string()),
  lastName: v.optional(v.string()),
  firstNameKana: v.optional(v.string()),
  lastNameKana: v.optional(v.string()),
  address: v.optional(AddressSchema),
  phoneNumber: v.optional(v.string()),
  dateOfBirth: v.optional(v.pipe(v.string(), v.isoDate('Expected a date as YYYY-MM-DD'))),
  legalGender: v.optional(GenderSchema),
  reference: v.optional(ReferenceSchema),
})
/**
 * What you know about the shopper, as sent. Every field is optional, but the more you pass, the
 * fewer questions the shopper is asked and the better the approval rate.
 */
export interface CustomerInfoParams {
  /** Days since the shopper's account with you was created. */
  accountAge?: number | undefined
  emailAddress?: string | undefined
  firstName?: string | undefined
  lastName?: string | undefined
  firstNameKana?: string | undefined
  lastNameKana?: string | undefined
  address?: AddressParams | undefined
  phoneNumber?: string | undefined
  /** `YYYY-MM-DD`. */
  dateOfBirth?: string | undefined
  legalGender?: 'male' | 'female' | undefined
  /** Your id for the shopper. */
  reference?: string | undefined
}

/** Shopper details in a response. */
export const CustomerInfoObjectSchema = v.looseObject({
  accountAge: v.optional(v.number()),
  emailAddress: v.optional(v.string()),
  firstName: v.optional(v.string()),
  lastName: v.optional(v.string()),
  firstNameKana: v.optional(v.string()),
  lastNameKana: v.optional(v.string()),
  address: v.optional(AddressObjectSchema),
  phoneNumber: v.optional(v.string()),
  dateOfBirth: v.optional(v.string()),
  legalGender: v.optional(v.string()),
  reference: v.optional(v.string()),
})
/** Shopper details as the API returns them. */
export interface CustomerInfo {
  [field: string]: unknown
  accountAge?: number | undefined
  emailAddress?: string | undefined
  firstName?: string | undefined
  lastName?: string | undefined
  firstNameKana?: string | undefined
  lastNameKana?: string | undefined
  address?: Address | undefined
  phoneNumber?: string | undefined
  dateOfBirth?: string | undefined
  legalGender?: string | undefined
  reference?: string | undefined
}
