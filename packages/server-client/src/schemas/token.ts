import * as v from 'valibot'
import { type ObjectFields, objectEntries } from './common.js'
import { type TokenStatus, TokenStatusSchema } from './enums.js'

/** A payment token (`paytok_…`): a shopper's consent to be charged again without checkout. */
export const TokenSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('token'),
  status: TokenStatusSchema,
  reference: v.optional(v.string()),
})
/** A payment token as the API returns it. */
export interface Token extends ObjectFields {
  object: 'token'
  status: TokenStatus
  reference?: string | undefined
}
