/** Status of an order (the purchase a checkout session creates). */
export type OrderStatus =
  | 'requires_authorization'
  | 'requires_capture'
  | 'succeeded'
  | 'canceled'
  | 'rejected'
  | 'pending'
  | 'failed'

/**
 * A checkout session as `GET /checkout-sessions/{id}` returns it: the fields a checkout page
 * reads. Unknown fields are kept; timestamps are milliseconds since the epoch.
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
  readonly order?:
    | string
    | { readonly id: string; readonly status: OrderStatus; readonly [field: string]: unknown }
  /** The payment token's id, for sessions that register one (`mode: "token"`). */
  readonly token?: string | { readonly id: string; readonly [field: string]: unknown }
  readonly metadata?: Readonly<Record<string, string>>
  readonly createdAt: number
  readonly updatedAt: number
  readonly expiresAt?: number
  readonly [field: string]: unknown
}
