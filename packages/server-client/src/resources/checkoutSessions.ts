import type { Transport } from '@smartpay-kit/core'
import type {
  CheckoutSession,
  CreateCheckoutSessionParams,
  CreatedCheckoutSession,
  CreatedTokenCheckoutSession,
  CreateTokenCheckoutSessionParams,
} from '../schemas/checkoutSession.js'
import type { Create, List, Retrieve } from './methods.js'
import { resource } from './operation.js'
import { CHECKOUT_SESSION_OPERATIONS } from './operations.js'

/** The `checkoutSessions` resource of a server client. */
export interface CheckoutSessionsResource {
  /**
   * Creates a checkout session for a one-off order; the returned session has the order expanded.
   * `amount`, `currency` and item currencies may be left out and are then computed from the
   * items and the shipping fee (discount items subtract, tax items add, `quantity` counts).
   * @example
   * const session = await smartpay.checkoutSessions.create({
   *   items: [{ name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 }],
   *   shippingInfo: { address: { line1: '1-1 Chiyoda', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' } },
   *   customerInfo: { emailAddress: 'hanako@example.com' },
   *   successUrl: 'https://shop.example/thanks',
   *   cancelUrl: 'https://shop.example/cart',
   * })
   * redirect(smartpay.checkoutUrl(session))
   */
  create: Create<CreateCheckoutSessionParams, CreatedCheckoutSession>
  /**
   * Creates a checkout session that registers a reusable payment token (`mode: 'token'`,
   * filled in for you); charge the token later with `orders.create`.
   */
  createForToken: Create<CreateTokenCheckoutSessionParams, CreatedTokenCheckoutSession>
  /**
   * Retrieves a checkout session; `expand: 'all'` returns its order or token in full (and
   * types them so); without it they are ids.
   * @example await smartpay.checkoutSessions.retrieve('checkout_test_…', { expand: 'all' })
   */
  retrieve: Retrieve<CheckoutSession>
  /** Lists checkout sessions: await one page or `for await` every session. */
  list: List<CheckoutSession>
}

/** Checkout sessions: the hosted page where a shopper authorizes an order or a token. */
export function checkoutSessionsResource(transport: Transport): CheckoutSessionsResource {
  return resource(transport, CHECKOUT_SESSION_OPERATIONS)
}
