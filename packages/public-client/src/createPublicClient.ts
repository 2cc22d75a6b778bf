import {
  type CheckoutTarget,
  type CheckoutUrlOptions,
  checkoutUrl,
  type Mode,
  type PublicKey,
  type ReadTransportOptions,
} from '@smartpay-kit/core'
import { createReadTransport } from '@smartpay-kit/core/internal'
import { type RedirectOptions, redirectToCheckout } from './checkout/redirect.js'
import { refuseSecretKey } from './keys/refuseSecretKey.js'
import { createOperationCaller } from './operations.js'
import { type CheckoutSessions, checkoutSessions } from './resources/checkoutSessions.js'

/** Options of {@link createPublicClient}. */
export interface PublicClientOptions extends ReadTransportOptions {
  /**
   * Your public key, `pk_test_…` or `pk_live_…`. A secret key (`sk_…`) is refused, at
   * compile time and at run time. Narrow a string from the environment with `parsePublicKey`.
   * @example publicKey: parsePublicKey(import.meta.env.VITE_SMARTPAY_PUBLIC_KEY)
   */
  publicKey: PublicKey
}

/** What a checkout page may do with a public key. Holds the key out of sight. */
export interface PublicClient {
  /** `test` or `live`, from the key. */
  readonly mode: Mode
  /** `pk_test_…abcd`: which key this is, printable. */
  readonly keyFingerprint: string
  /** Checkout-session reads (`retrieve`). */
  readonly checkoutSessions: CheckoutSessions
  /** The hosted checkout URL of a session, with `promotion-code` merged in. */
  checkoutUrl(target: CheckoutTarget, options?: CheckoutUrlOptions): string
  /** Navigates this window to the hosted checkout. */
  redirectToCheckout(target: CheckoutTarget, options?: RedirectOptions): void
}

/**
 * Creates the client for checkout pages. It sends the public key as `Authorization: Bearer`
 * (the API is cross-origin from the page) and can call only `PUBLIC_OPERATIONS`.
 * Throws `InvalidKeyError` on a secret key before looking at anything else.
 * @example const smartpay = createPublicClient({ publicKey: 'pk_test_…' })
 */
export function createPublicClient(options: PublicClientOptions): PublicClient {
  refuseSecretKey(options)
  const { publicKey, ...transportOptions } = options ?? ({} as PublicClientOptions)
  // The read transport checks the key and refuses any option it does not know, before
  // anything is sent.
  const transport = createReadTransport(publicKey, 'bearer', transportOptions)
  const call = createOperationCaller(transport)
  return Object.freeze({
    mode: transport.mode,
    keyFingerprint: transport.keyFingerprint,
    checkoutSessions: checkoutSessions(call, transport.mode),
    checkoutUrl,
    redirectToCheckout,
  })
}
