import * as v from 'valibot'
import { ShippingInfoSchema } from './address.js'
import {
  AmountSchema,
  DescriptionSchema,
  HttpUrlSchema,
  MetadataSchema,
  type Named,
  objectEntries,
  ReferenceSchema,
  ref,
  TextSchema,
} from './common.js'
import { CustomerInfoObjectSchema, CustomerInfoSchema } from './customer.js'
import { CaptureMethodSchema, CurrencySchema, LocaleSchema } from './enums.js'
import { CheckoutItemSchema, ItemSchema, itemList } from './item.js'
import { type Order, OrderSchema } from './order.js'
import { type Token, TokenSchema } from './token.js'

/** A checkout session (`checkout_…`): the hosted page a shopper is sent to. */
export const CheckoutSessionSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('checkoutSession'),
  /** The hosted checkout page; send the shopper there (see `checkoutUrl`). Treat it as opaque. */
  url: v.optional(v.string()),
  successUrl: v.optional(v.string()),
  cancelUrl: v.optional(v.string()),
  customerInfo: v.optional(CustomerInfoObjectSchema),
  locale: v.optional(v.string()),
  reference: v.optional(v.string()),
  description: v.optional(v.string()),
  /** The session's order: an id, or the order when expanded (always, right after `create`). */
  order: v.optional(ref<Order>(OrderSchema)),
  /** A token session's token: an id, or the token when expanded. */
  token: v.optional(ref<Token>(TokenSchema)),
  expiresAt: v.optional(v.number()),
})
/** A checkout session as the API returns it. */
export interface CheckoutSession extends v.InferOutput<typeof CheckoutSessionSchema> {}

/**
 * What `checkoutSessions.create` returns: the session with its `url` and its order expanded
 * (the API always answers a create so).
 */
export const CreatedCheckoutSessionSchema = v.looseObject({
  ...CheckoutSessionSchema.entries,
  /** The hosted checkout page; send the shopper there (see `checkoutUrl`). Treat it as opaque. */
  url: v.string(),
  /** The session's order, expanded. */
  order: OrderSchema as Named<Order>,
})
/** A checkout session as `checkoutSessions.create` returns it: `url` and the order always there. */
export interface CreatedCheckoutSession
  extends v.InferOutput<typeof CreatedCheckoutSessionSchema> {}

/**
 * What `checkoutSessions.createForToken` returns: the session with its `url` and its token
 * expanded.
 */
export const CreatedTokenCheckoutSessionSchema = v.looseObject({
  ...CheckoutSessionSchema.entries,
  /** The hosted checkout page where the shopper approves the token. */
  url: v.string(),
  /** The token the session registers, expanded. */
  token: TokenSchema as Named<Token>,
})
/** A checkout session as `checkoutSessions.createForToken` returns it. */
export interface CreatedTokenCheckoutSession
  extends v.InferOutput<typeof CreatedTokenCheckoutSessionSchema> {}

const sessionEntries = {
  customerInfo: CustomerInfoSchema,
  /** Where the shopper lands after authorizing. */
  successUrl: HttpUrlSchema,
  /** Where the shopper lands after cancelling or failing. */
  cancelUrl: HttpUrlSchema,
  locale: v.optional(LocaleSchema),
  description: v.optional(DescriptionSchema),
  reference: v.optional(ReferenceSchema),
  metadata: v.optional(MetadataSchema),
}

const orderSessionEntries = {
  ...sessionEntries,
  shippingInfo: ShippingInfoSchema,
  /** @default 'automatic' */
  captureMethod: v.optional(CaptureMethodSchema),
  /**
   * A promotion code to pre-apply. Sent in the body, as the official Node SDK sends it, and
   * merged into the returned session's `url` as `promotion-code` (as that SDK does too).
   */
  promotionCode: v.optional(TextSchema),
}

/**
 * Body of `checkoutSessions.create`, as you may write it: `amount`, `currency` and each item's
 * `currency` may be left out; they are then computed (see `normalizeCheckoutSession`).
 */
export const CreateCheckoutSessionParamsSchema = v.strictObject({
  ...orderSessionEntries,
  /** Total in yen. Computed from the items and the shipping fee when left out. */
  amount: v.optional(AmountSchema),
  /** Taken from the first item that has one when left out. */
  currency: v.optional(CurrencySchema),
  /** 1–50 items. */
  items: itemList(CheckoutItemSchema),
})
/** Parameters of `checkoutSessions.create`. */
export type CreateCheckoutSessionParams = v.InferInput<typeof CreateCheckoutSessionParamsSchema>

/** The body `checkoutSessions.create` sends: every amount and currency filled in. */
export const CheckoutSessionBodySchema = v.strictObject({
  ...orderSessionEntries,
  amount: AmountSchema,
  currency: CurrencySchema,
  items: itemList(ItemSchema),
})
/** A checkout session body with amount and currencies filled in. */
export type CheckoutSessionBody = v.InferOutput<typeof CheckoutSessionBodySchema>

/** Body of `checkoutSessions.createForToken`: a session that registers a reusable token. */
export const CreateTokenCheckoutSessionParamsSchema = v.strictObject({
  ...sessionEntries,
  /** Always `token`; filled in for you. */
  mode: v.optional(v.literal('token'), 'token'),
})
/** Parameters of `checkoutSessions.createForToken`. */
export type CreateTokenCheckoutSessionParams = v.InferInput<
  typeof CreateTokenCheckoutSessionParamsSchema
>
