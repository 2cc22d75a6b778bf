import * as v from 'valibot'
import { type ShippingInfoParams, ShippingInfoSchema } from './address.js'
import {
  AmountSchema,
  DescriptionSchema,
  HttpUrlSchema,
  type Metadata,
  MetadataSchema,
  type Named,
  type ObjectFields,
  objectEntries,
  ReferenceSchema,
  ref,
  TextSchema,
} from './common.js'
import {
  type CustomerInfo,
  CustomerInfoObjectSchema,
  type CustomerInfoParams,
  CustomerInfoSchema,
} from './customer.js'
import {
  type CaptureMethod,
  CaptureMethodSchema,
  type Currency,
  CurrencySchema,
  type Locale,
  LocaleSchema,
} from './enums.js'
import {
  type CheckoutItemParams,
  CheckoutItemSchema,
  type ItemParams,
  ItemSchema,
  itemList,
} from './item.js'
import { type Order, OrderSchema } from './order.js'
import { type Token, TokenSchema } from './token.js'

/** A checkout session (`checkout_…`): the hosted page a shopper is sent to. */
export const CheckoutSessionSchema = v.looseObject({
  ...objectEntries,
  object: v.literal('checkoutSession'),
  url: v.optional(v.string()),
  successUrl: v.optional(v.string()),
  cancelUrl: v.optional(v.string()),
  customerInfo: v.optional(CustomerInfoObjectSchema),
  locale: v.optional(v.string()),
  reference: v.optional(v.string()),
  description: v.optional(v.string()),
  order: v.optional(ref<Order>(OrderSchema)),
  token: v.optional(ref<Token>(TokenSchema)),
  expiresAt: v.optional(v.number()),
})
/** A checkout session as the API returns it. */
export interface CheckoutSession extends ObjectFields {
  object: 'checkoutSession'
  /** The hosted checkout page; send the shopper there (see `checkoutUrl`). Treat it as opaque. */
  url?: string | undefined
  successUrl?: string | undefined
  cancelUrl?: string | undefined
  customerInfo?: CustomerInfo | undefined
  locale?: string | undefined
  reference?: string | undefined
  description?: string | undefined
  /** The session's order: an id, or the order when expanded (always, right after `create`). */
  order?: string | Order | undefined
  /** A token session's token: an id, or the token when expanded. */
  token?: string | Token | undefined
  expiresAt?: number | undefined
}

/**
 * What `checkoutSessions.create` returns: the session with its `url` and its order expanded
 * (the API always answers a create so).
 */
export const CreatedCheckoutSessionSchema = v.looseObject({
  ...CheckoutSessionSchema.entries,
  url: v.string(),
  order: OrderSchema as Named<Order>,
})
/** A checkout session as `checkoutSessions.create` returns it: `url` and the order always there. */
export interface CreatedCheckoutSession extends CheckoutSession {
  /** The hosted checkout page; send the shopper there (see `checkoutUrl`). Treat it as opaque. */
  url: string
  /** The session's order, expanded. */
  order: Order
}

/**
 * What `checkoutSessions.createForToken` returns: the session with its `url` and its token
 * expanded.
 */
export const CreatedTokenCheckoutSessionSchema = v.looseObject({
  ...CheckoutSessionSchema.entries,
  url: v.string(),
  token: TokenSchema as Named<Token>,
})
/** A checkout session as `checkoutSessions.createForToken` returns it. */
export interface CreatedTokenCheckoutSession extends CheckoutSession {
  /** The hosted checkout page where the shopper approves the token. */
  url: string
  /** The token the session registers, expanded. */
  token: Token
}

const sessionEntries = {
  customerInfo: CustomerInfoSchema,
  successUrl: HttpUrlSchema,
  cancelUrl: HttpUrlSchema,
  locale: v.optional(LocaleSchema),
  description: v.optional(DescriptionSchema),
  reference: v.optional(ReferenceSchema),
  metadata: v.optional(MetadataSchema),
}

const orderSessionEntries = {
  ...sessionEntries,
  shippingInfo: ShippingInfoSchema,
  captureMethod: v.optional(CaptureMethodSchema),
  promotionCode: v.optional(TextSchema),
}

/** What every checkout session takes. */
interface SessionFields {
  customerInfo: CustomerInfoParams
  /** Where the shopper lands after authorizing. */
  successUrl: string
  /** Where the shopper lands after cancelling or failing. */
  cancelUrl: string
  locale?: Locale | undefined
  /** Shown to the shopper, 1–80 characters. */
  description?: string | undefined
  /** Your own reference, e.g. an order number: 1–40 characters. */
  reference?: string | undefined
  metadata?: Metadata | undefined
}

/** What a checkout session for an order takes besides its amounts and items. */
interface OrderSessionFields extends SessionFields {
  shippingInfo: ShippingInfoParams
  /** @default 'automatic' */
  captureMethod?: CaptureMethod | undefined
  /**
   * A promotion code to pre-apply. Sent in the body, as the official Node SDK sends it, and
   * merged into the returned session's `url` as `promotion-code` (as that SDK does too).
   */
  promotionCode?: string | undefined
}

/** Body of `checkoutSessions.create`, as you may write it: {@link CreateCheckoutSessionParams}. */
export const CreateCheckoutSessionParamsSchema = v.strictObject({
  ...orderSessionEntries,
  amount: v.optional(AmountSchema),
  currency: v.optional(CurrencySchema),
  items: itemList(CheckoutItemSchema),
})
/**
 * Parameters of `checkoutSessions.create`: `amount`, `currency` and each item's `currency` may
 * be left out; they are then computed (see `normalizeCheckoutSession`).
 */
export interface CreateCheckoutSessionParams extends OrderSessionFields {
  /** Total in yen. Computed from the items and the shipping fee when left out. */
  amount?: number | undefined
  /** Taken from the first item that has one when left out. */
  currency?: Currency | undefined
  /** 1–50 items. */
  items: CheckoutItemParams[]
}

/** The body `checkoutSessions.create` sends: every amount and currency filled in. */
export const CheckoutSessionBodySchema = v.strictObject({
  ...orderSessionEntries,
  amount: AmountSchema,
  currency: CurrencySchema,
  items: itemList(ItemSchema),
})
/** A checkout session body with amount and currencies filled in. */
export interface CheckoutSessionBody extends OrderSessionFields {
  amount: number
  currency: Currency
  items: ItemParams[]
}

/** Body of `checkoutSessions.createForToken`: a session that registers a reusable token. */
export const CreateTokenCheckoutSessionParamsSchema = v.strictObject({
  ...sessionEntries,
  mode: v.optional(v.literal('token'), 'token'),
})
/** Parameters of `checkoutSessions.createForToken`: a session that registers a reusable token. */
export interface CreateTokenCheckoutSessionParams extends SessionFields {
  /** Always `token`; filled in for you. */
  mode?: 'token' | undefined
}
