// Turns the cart the page posts into checkout-session parameters. Prices come from the catalog,
// never from the browser.
import { CATALOG } from '../catalog.mjs'

/** @typedef {import('@smartpay-kit/server-client').CreateCheckoutSessionParams} SessionParams */

/** A cart the server cannot price; answered with a 400. */
export class CartError extends Error {}

/** The demo's test shopper. A real shop fills this from the signed-in customer. */
const SHOPPER = {
  customerInfo: {
    emailAddress: 'hanako.yamada@example.com',
    firstName: 'Hanako',
    lastName: 'Yamada',
    firstNameKana: 'ハナコ',
    lastNameKana: 'ヤマダ',
    phoneNumber: '+81 90-1234-5678',
  },
  shippingInfo: {
    address: {
      line1: '1-1-1 Chiyoda',
      locality: 'Chiyoda-ku',
      administrativeArea: 'Tokyo',
      postalCode: '100-0001',
      country: 'JP',
    },
  },
}

/**
 * Checkout-session parameters for a posted cart (`{ items: [{ id, quantity }] }`).
 * `amount` is left out: the server client sums the items.
 * @param {unknown} cart the parsed request body
 * @param {string} origin the shop's own origin, where the shopper comes back to
 * @returns {SessionParams}
 */
export function sessionFromCart(cart, origin) {
  const lines = /** @type {{ items?: unknown } | null} */ (cart)?.items
  if (!Array.isArray(lines) || lines.length === 0 || lines.length > 50)
    throw new CartError('A cart holds 1 to 50 lines.')
  const items = lines.map((/** @type {{ id?: unknown, quantity?: unknown } | null} */ line) => {
    const id = String(line?.id)
    // hasOwn, so that "constructor" or "__proto__" is not a product.
    if (!Object.hasOwn(CATALOG, id)) throw new CartError(`No product "${id}".`)
    const product = CATALOG[/** @type {keyof typeof CATALOG} */ (id)]
    const quantity = line?.quantity
    if (
      typeof quantity !== 'number' ||
      !Number.isInteger(quantity) ||
      quantity < 1 ||
      quantity > 99
    )
      throw new CartError(`The quantity of ${id} must be a whole number from 1 to 99.`)
    return {
      name: product.name,
      amount: product.amount,
      currency: /** @type {const} */ ('JPY'),
      quantity,
      reference: product.id,
    }
  })
  return {
    items,
    ...SHOPPER,
    // Capture only once the goods ship: here, once the order.authorized webhook arrives.
    captureMethod: 'manual',
    successUrl: `${origin}/success.html`,
    cancelUrl: `${origin}/?canceled`,
  }
}
