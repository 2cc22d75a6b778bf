import * as v from 'valibot'
import { ExpandSchema } from './enums.js'

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
  /** `all` returns referenced objects in full instead of their ids. @default 'no' */
  expand: v.optional(ExpandSchema),
})
/** Query of a retrieve call that can expand references. */
export type RetrieveParams = v.InferInput<typeof RetrieveParamsSchema>

const pageEntries = {
  /** Items per page. @default 20 */
  maxResults: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(1))),
  /** Where to start: a `nextPageToken` from an earlier page. */
  pageToken: v.optional(v.pipe(v.string(), v.minLength(1))),
}

/** Query of a list call: page size, page token and `expand`. */
export const ListParamsSchema = v.strictObject({ ...pageEntries, ...RetrieveParamsSchema.entries })
/** Query of a list call whose items can expand references. */
export type ListParams = v.InferInput<typeof ListParamsSchema>

/** Query of a list call whose items have nothing to expand. */
export const PageParamsSchema = v.strictObject(pageEntries)
/** Query of a list call without `expand`. */
export type PageParams = v.InferInput<typeof PageParamsSchema>
