// The shop's products. The cart page shows them and the server prices from them: the browser
// sends only product ids and quantities, so a shopper cannot change what they pay.

/** Everything the shop sells, in yen. */
export const CATALOG = {
  'matcha-100g': { id: 'matcha-100g', name: 'Uji matcha, 100 g', amount: 1200 },
  chasen: { id: 'chasen', name: 'Bamboo whisk (chasen)', amount: 900 },
}

/** @typedef {{ id: keyof typeof CATALOG, quantity: number }} CartLine */

/**
 * The cart the demo shopper checks out with: ¥3,300 in all.
 * @type {readonly CartLine[]}
 */
export const DEMO_CART = [
  { id: 'matcha-100g', quantity: 2 },
  { id: 'chasen', quantity: 1 },
]

/**
 * What a cart costs, priced from the catalog.
 * @param {readonly CartLine[]} cart
 */
export const cartTotal = (cart) =>
  cart.reduce((sum, line) => sum + CATALOG[line.id].amount * line.quantity, 0)

/** `3300` → `¥3,300`. */
export const yen = (/** @type {number} */ amount) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'JPY' }).format(amount)
