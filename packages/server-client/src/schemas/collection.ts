import * as v from 'valibot'
import { type Expand, ExpandSchema } from './enums.js'

/**
 * The API's list envelope around `item` (§4). `nextPageToken` is absent on the last page.
 * @example collectionSchema(OrderSchema)
 */
// @__NO_SIDE_EFFECTS__
export function collectionSchema<S extends v.GenericSchema>(item: S) {
  return v.looseObject({
    object: v.optional(v.literal('collection')),
    data: v.array(item),
    pageToken: v.nullish(v.string()),
    nextPageToken: v.nullish(v.string()),
    maxResults: v.optional(v.number()),
    results: v.optional(v.number()),
  })
}

/** `expand` for a retrieve call. */
export const RetrieveParamsSchema = v.strictObject({
  expand: v.optional(ExpandSchema),
})
/** Query of a retrieve call that can expand references. */
export interface RetrieveParams {
  /** `all` returns referenced objects in full instead of their ids. @default 'no' */
  expand?: Expand | undefined
}

const pageEntries = {
  maxResults: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  pageToken: v.optional(v.pipe(v.string(), v.minLength(1))),
}

/** Query of a list call: page size, page token and `expand`. */
export const ListParamsSchema = v.strictObject({ ...pageEntries, ...RetrieveParamsSchema.entries })
/** Query of a list call whose items can expand references: page size, page token and `expand`. */
export interface ListParams extends PageParams, RetrieveParams {}

/** Query of a list call whose items have nothing to expand. */
export const PageParamsSchema = v.strictObject(pageEntries)
/** Query of a list call whose items have nothing to expand: page size and page token. */
export interface PageParams {
  /** Items per page. @default 20 */
  maxResults?: number | undefined
  /** Where to start: a `nextPageToken` from an earlier page. */
  pageToken?: string | undefined
}
