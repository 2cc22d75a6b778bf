/** Status of an order (the purchase a checkout session creates). */
export type OrderStatus =
  | 'requires_authorization'
  | 'requires_capture'
  | 'succeeded'
  | 'canceled'
  | 'rejected'
  | 'pending'
  | 'failed'

/** A checkout session's order, expanded (`expand: 'all'`): its id and status, and the rest. */
export interface CheckoutSessionOrder {
  readonly id: string
  readonly status: OrderStatus
  readonly [field: string]: unknown
}

/** A checkout session's payment token, expanded (`expand: 'all'`). */
export interface CheckoutSessionToken {
  readonly id: string
  readonly [field: string]: unknown
}

/**
 * A checkout session as `GET /checkout-sessions/{id}` returns it: the fields a checkout page
 * reads. Unknown fields are kept; timestamps are milliseconds since the epoch. `retrieve` types
 * `order` and `token` by what it asked for: {@link ExpandedCheckoutSession} with
 * `expand: 'all'`, {@link UnexpandedCheckoutSession} without; this type has both forms.
 */
export interface CheckoutSession {
  readonly id: string
  readonly object: 'checkoutSession'
  /** True in test mode. */
  readonly test: boolean
  /** The hosted checkout page; pass the session to `redirectToCheckout`. */
  readonly url: string
  readonly successUrl?: string
  readonly cancelUrl?: string
  readonly locale?: 'en' | 'ja'
  /** The merchant's own reference for this session. */
  readonly reference?: string
  /** The order's id, or the order itself when the API expands it. */
  readonly order?: string | CheckoutSessionOrder
  /** The payment token's id, for sessions that register one (`mode: "token"`). */
  readonly token?: string | CheckoutSessionToken
  readonly metadata?: Readonly<Record<string, string>>
  readonly createdAt: number
  readonly updatedAt: number
  readonly expiresAt?: number
  readonly [field: string]: unknown
}

/**
 * A checkout session read with `expand: 'all'`: its `order` (and a token session's `token`) is
 * the object, so `session.order?.status` needs no check of its own.
 * @example (await smartpay.checkoutSessions.retrieve(id, { expand: 'all' })).order?.status
 */
export interface ExpandedCheckoutSession extends CheckoutSession {
  /** The session's order; absent on a session that registers a token. */
  readonly order?: CheckoutSessionOrder
  /** The payment token, for sessions that register one. */
  readonly token?: CheckoutSessionToken
}

/** A checkout session read without `expand`: `order` and `token` are ids. */
export interface UnexpandedCheckoutSession extends CheckoutSession {
  /** The order's id. */
  readonly order?: string
  /** The payment token's id, for sessions that register one. */
  readonly token?: string
}
