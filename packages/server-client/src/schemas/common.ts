import * as v from 'valibot'

// Building blocks shared by the request and response schemas.
//
// Beside each schema its type is written out as an interface (`CreateOrderParams`, `Order`…),
// not inferred (`v.InferInput<typeof …>`): a consumer's compiler then never works out a schema's
// type (a five-call app cost 25,000 instantiations so, 700 now) and its errors name the
// interface. schemas.test-d.ts and responses.test-d.ts hold each interface equal to what its
// schema takes or gives, field for field, so neither can drift.

/** An amount in the currency's smallest unit (yen): a whole number, zero or more. */
export const AmountSchema = v.pipe(
  v.number(),
  v.safeInteger('Expected a whole number of yen (the smallest currency unit)'),
  v.minValue(0, 'Expected an amount of 0 or more'),
)

/** A count such as a quantity or a redemption limit: a whole number, zero or more. */
export const CountSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0))

/** A description shown to the shopper or in the dashboard: 1–80 characters. */
export const DescriptionSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(80))

/** Your own reference, e.g. an order number: 1–40 characters. */
export const ReferenceSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(40))

/** A non-empty string. */
export const TextSchema = v.pipe(v.string(), v.minLength(1))

/** An absolute `https:` or `http:` URL (plain `http:` is fine for local development). */
export const HttpUrlSchema = v.pipe(
  v.string(),
  v.url('Expected an absolute URL'),
  v.check((value) => /^https?:\/\//i.test(value), 'Expected an https:// or http:// URL'),
)

/** Milliseconds since the Unix epoch. */
export const TimestampSchema = v.pipe(v.number(), v.safeInteger(), v.minValue(0))

/**
 * Your own key–value pairs, at most 20. Values are strings. The API documents only the count;
 * keys up to 40 and values up to 500 characters are this client's guard against accidents.
 */
export const MetadataSchema = v.pipe(
  v.record(
    v.pipe(v.string(), v.minLength(1), v.maxLength(40)),
    v.pipe(v.string(), v.maxLength(500)),
  ),
  v.maxEntries(20, 'Expected at most 20 metadata pairs'),
)
/** Metadata as sent: up to 20 string pairs (keys 1–40 characters, values up to 500). */
export interface Metadata {
  [key: string]: string
}

/** Fields every API object carries (§3.1). */
export const objectEntries = {
  id: v.string(),
  test: v.optional(v.boolean()),
  createdAt: v.optional(v.number()),
  updatedAt: v.optional(v.number()),
  metadata: v.optional(v.record(v.string(), v.string())),
}
/** Fields every API object carries, and any field this version does not know (typed `unknown`). */
export interface ObjectFields {
  [field: string]: unknown
  id: string
  /** True in test mode. */
  test?: boolean | undefined
  /** Milliseconds since the epoch. */
  createdAt?: number | undefined
  updatedAt?: number | undefined
  /** Your own key–value pairs. */
  metadata?: Record<string, string> | undefined
}

/** Currency in a response: a string, since one doc page shows lower case (§3.3). */
export const ResponseCurrencySchema = v.string()

/**
 * A schema typed by its named output type `T`, so declarations say `T` instead of inlining the
 * schema's whole type (which kept consumers' compilers from TS2589, "excessively deep").
 * @example order: OrderSchema as Named<Order>
 */
export type Named<T> = v.GenericSchema<unknown, T>

/** The schema of a reference: an id, or the object `T` when expanded. */
export type RefSchema<T> = v.UnionSchema<[v.StringSchema<undefined>, Named<T>], undefined>

/**
 * A reference to another object: its id, or the object itself when expanded. Name the object's
 * type (`ref<Order>(OrderSchema)`): declarations then say `Order` instead of inlining its whole
 * schema, which kept consumers' compilers from TS2589 ("excessively deep") on `CheckoutSession`.
 * @example ref<Order>(OrderSchema) // string | Order
 */
// @__NO_SIDE_EFFECTS__
export function ref<T>(schema: Named<T>): RefSchema<T> {
  return v.union([v.string(), schema])
}

/** An expanded reference whose shape is not modelled here (it would make the types cyclic). */
export const AnyObjectSchema = v.looseObject({ id: v.string(), object: v.optional(v.string()) })
/** An expanded object whose shape is not modelled here: its `id`, `object` and anything else. */
export interface AnyObject {
  [field: string]: unknown
  id: string
  object?: string | undefined
}
