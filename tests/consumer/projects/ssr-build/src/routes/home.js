// A page prerendered at build time. It imports the client (through the shared module) but makes
// no call while rendering, like a layout that links to checkout.
import { smartpay } from '../smartpay.js'

export function render() {
  return `<!doctype html><title>Shop</title><form method="post" action="/checkout"><button>Pay with Smartpay (${typeof smartpay.checkoutSessions.create})</button></form>`
}
