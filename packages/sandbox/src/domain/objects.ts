import type { Mode } from './ids.js'

/** A free-form JSON value as the API accepts it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

/** A JSON object. */
export type JsonObject = { [key: string]: Json }

/** Fields every stored object carries. */
export interface BaseObject {
  id: string
  object: string
  test: boolean
  createdAt: number
  updatedAt: number
  metadata: JsonObject
}

/** A checkout session; `order` or `token` holds an id here and is expanded on output. */
export interface CheckoutSession extends BaseObject {
  object: 'checkoutSession'
  mode: 'order' | 'token'
  url: string
  successUrl: string
  cancelUrl: string
  customerInfo: JsonObject
  locale?: string
  reference?: string
  description?: string
  order?: string
  token?: string
  expiresAt: number
}

/** Order statuses the sandbox moves through. */
export type OrderStatus =
  | 'requires_authorization'
  | 'requires_capture'
  | 'succeeded'
  | 'canceled'
  | 'rejected'

/** An order; `lineItems`, `payments` and `discounts` hold ids. */
export interface Order extends BaseObject {
  object: 'order'
  status: OrderStatus
  amount: number
  currency: string
  captureMethod: 'automatic' | 'manual'
  discountAmount: number
  discounts: string[]
  lineItems: string[]
  payments: string[]
  customerInfo: JsonObject
  shippingInfo: JsonObject
  description?: string
  reference?: string
  expiresAt?: number
  tokenId?: string
  checkoutSession?: string
}

/** One line of an order, with its price and product inline. */
export interface LineItem extends BaseObject {
  object: 'lineItem'
  kind: string
  amount: number
  currency: string
  quantity: number
  description?: string
  price: JsonObject
}

/** A capture against an order. */
export interface Payment extends BaseObject {
  object: 'payment'
  status: 'processed' | 'refunded'
  amount: number
  currency: string
  order: string
  lineItems: string[]
  reference?: string
  description?: string
}

/** A (partial) refund of a payment. */
export interface Refund extends BaseObject {
  object: 'refund'
  status: 'succeeded'
  amount: number
  currency: string
  payment: string
  reason: string
  lineItems: string[]
  reference?: string
  description?: string
}

/** A registered webhook receiver. */
export interface WebhookEndpoint extends BaseObject {
  object: 'webhookEndpoint'
  url: string
  active: boolean
  eventSubscriptions: string[]
  signingSecret: string
  description?: string
}

/** A coupon: the discount a promotion code grants. */
export interface Coupon extends BaseObject {
  object: 'coupon'
  name: string
  active: boolean
  discountType: 'amount' | 'percentage'
  discountAmount?: number
  discountPercentage?: number
  currency?: string
  expiresAt?: number
  maxRedemptionCount?: number
  redemptionCount: number
  sponsored: boolean
}

/** A shopper-facing code for a coupon. */
export interface PromotionCode extends BaseObject {
  object: 'promotionCode'
  code: string
  coupon: string
  active: boolean
  currency?: string
  expiresAt?: number
  firstTimeTransaction: boolean
  onePerCustomer: boolean
  maxRedemptionCount?: number
  minimumAmount?: number
  redemptionCount: number
}

/** Token statuses the sandbox moves through. */
export type TokenStatus = 'requires_authorization' | 'active' | 'disabled' | 'rejected' | 'deleted'

/** A reusable payment token. */
export interface Token extends BaseObject {
  object: 'token'
  status: TokenStatus
  reference?: string
  customerInfo: JsonObject
}

/** A discount applied to an order through a promotion code. */
export interface Discount extends BaseObject {
  object: 'discount'
  amount: number
  currency: string
  coupon: string
  promotionCode: string
}

/** Every kind of stored object, by name. */
export interface ObjectsByKind {
  checkoutSession: CheckoutSession
  order: Order
  lineItem: LineItem
  payment: Payment
  refund: Refund
  webhookEndpoint: WebhookEndpoint
  coupon: Coupon
  promotionCode: PromotionCode
  token: Token
  discount: Discount
}

/** The name of a stored object kind, e.g. `'order'`. */
export type ObjectKind = keyof ObjectsByKind

/** The list of stored kinds, for validation of user input. */
export const OBJECT_KINDS: readonly ObjectKind[] = [
  'checkoutSession',
  'order',
  'lineItem',
  'payment',
  'refund',
  'webhookEndpoint',
  'coupon',
  'promotionCode',
  'token',
  'discount',
]

/** The common fields of a new object in `mode`, created now. */
export function baseFields(id: string, mode: Mode, now: number, metadata?: Json): BaseObject {
  const meta = metadata && typeof metadata === 'object' && !Array.isArray(metadata) ? metadata : {}
  return { id, object: '', test: mode === 'test', createdAt: now, updatedAt: now, metadata: meta }
}

/** The string-valued fields among `keys` of a body; absent or non-string ones are left out. */
export function pickStrings<K extends string>(
  body: JsonObject,
  keys: readonly K[],
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {}
  for (const key of keys) {
    const value = body[key]
    if (typeof value === 'string') out[key] = value
  }
  return out
}
