// The cart page. It holds no key at all: the merchant's server creates the checkout session,
// and the public client only sends the shopper to Smartpay's hosted checkout.
import { redirectToCheckout } from '@smartpay-kit/public-client'
import { CATALOG, cartTotal, DEMO_CART, yen } from '../catalog.mjs'

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id))

for (const { id, quantity } of DEMO_CART) {
  const { name, amount } = CATALOG[id]
  const row = /** @type {HTMLTableSectionElement} */ ($('items')).insertRow()
  for (const text of [name, String(quantity), yen(amount * quantity)]) {
    row.insertCell().textContent = text
  }
}
$('total').textContent = yen(cartTotal(DEMO_CART))
$('notice').hidden = !new URLSearchParams(location.search).has('canceled')

$('checkout').addEventListener('click', async (event) => {
  const button = /** @type {HTMLButtonElement} */ (event.currentTarget)
  button.disabled = true
  try {
    // Only ids and quantities: the server prices the cart from its own catalog.
    const response = await fetch('/api/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items: DEMO_CART }),
    })
    const answer = await response.json()
    if (!response.ok) throw new Error(answer.error ?? `The shop answered ${response.status}.`)
    redirectToCheckout(answer.url)
  } catch (error) {
    $('error').textContent = `Checkout could not start: ${/** @type {Error} */ (error).message}`
    $('error').hidden = false
    button.disabled = false
  }
})
