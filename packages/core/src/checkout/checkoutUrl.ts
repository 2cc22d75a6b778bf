/** Anything that carries a hosted checkout URL: a checkout session, or the URL itself. */
export type CheckoutTarget = string | { readonly url?: string | null | undefined }

/** Options for {@link checkoutUrl}. */
export interface CheckoutUrlOptions {
  /** A promotion code to pre-apply on the hosted checkout page. */
  promotionCode?: string | undefined
}

// Plain TypeErrors, as `new URL()` throws: this module ships in redirect-only pages, where
// the error classes would cost more bytes than everything else (see the size budgets).
function invalid(message: string): never {
  throw new TypeError(message)
}

/**
 * The hosted checkout URL of a session, with `promotion-code` merged into whatever query the
 * URL already has (set once, encoded). The URL is opaque: nothing is derived from its path.
 * Throws `TypeError` when there is no https URL or the promotion code is empty.
 * @example location.assign(checkoutUrl(session, { promotionCode: 'SPRING' }))
 */
export function checkoutUrl(target: CheckoutTarget, options: CheckoutUrlOptions = {}): string {
  const raw = typeof target === 'string' ? target : target?.url
  if (typeof raw !== 'string' || raw === '') {
    invalid('checkoutUrl needs a checkout session with a `url`, or the URL itself.')
  }
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return invalid('The checkout URL is not an absolute URL.')
  }
  if (url.protocol !== 'https:') invalid('The checkout URL must use https:.')
  const { promotionCode } = options
  if (promotionCode !== undefined) {
    if (typeof promotionCode !== 'string' || promotionCode.trim() === '') {
      invalid('promotionCode must be a non-empty string.')
    }
    url.searchParams.set('promotion-code', promotionCode)
  }
  return url.href
}
