import { type CheckoutTarget, type CheckoutUrlOptions, checkoutUrl } from '@smartpay-kit/core'

// Kept apart from the transport: an app that only redirects must not bundle ky or valibot.
// Its errors are plain TypeErrors (as `new URL()` throws) for the same reason: the error
// classes cost more bytes than the rest of this module.

/** Options for {@link redirectToCheckout}. */
export interface RedirectOptions extends CheckoutUrlOptions {
  /**
   * Navigate with `location.replace`, so the browser's Back button skips the current page
   * (a "redirecting…" page, say) instead of `location.assign`.
   * @default false
   */
  replace?: boolean | undefined
}

/**
 * Sends the shopper to Smartpay's hosted checkout: a full-page navigation to the session's
 * `url`, with `promotion-code` when given. Throws `TypeError`, and does not navigate,
 * when the URL is missing or not `https:`, or when there is no browser window. Needs no key.
 * @example redirectToCheckout(session, { promotionCode: 'SPRING' })
 */
export function redirectToCheckout(target: CheckoutTarget, options: RedirectOptions = {}): void {
  const url = checkoutUrl(target, { promotionCode: options.promotionCode })
  const location = (globalThis as { location?: Location }).location
  if (location === undefined) {
    throw new TypeError(
      'redirectToCheckout needs a browser window; on a server, answer with a 303 redirect to checkoutUrl(session).',
    )
  }
  if (options.replace === true) location.replace(url)
  else location.assign(url)
}
