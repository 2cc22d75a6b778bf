// The shop's two pages, as HTML strings (use your template engine). Every value is escaped.
import type { Order } from '@smartpay-kit/server-client'
import { CART, yen } from './cart.ts'

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const layout = (title: string, body: string) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body>${body}</body>
</html>`

/** The cart, with a form that asks the server for a checkout session. */
export function cartPage({ canceled }: { canceled: boolean }) {
  const rows = CART.map(
    (item) =>
      `<tr><td>${escapeHtml(item.name)}</td><td>${item.quantity}</td><td>${yen(item.amount * item.quantity)}</td></tr>`,
  ).join('')
  const total = CART.reduce((sum, item) => sum + item.amount * item.quantity, 0)
  return layout(
    'Cart',
    `<h1>Your cart</h1>
${canceled ? '<p id="notice">Payment canceled: your cart is as you left it.</p>' : ''}
<table>${rows}<tr><th colspan="2">Total</th><th id="total">${yen(total)}</th></tr></table>
<form method="post" action="/checkout"><button id="checkout" type="submit">Pay with Smartpay</button></form>`,
  )
}

/** What the shopper is told for each order status. */
const MESSAGES: Record<string, string> = {
  requires_capture: 'Your purchase is approved. You will be charged when it ships.',
  succeeded: 'Your purchase is approved and paid for. It is on its way.',
  canceled: 'This order was canceled.',
}

/** Where Smartpay sends the shopper back: how the order stands. */
export function successPage(order: Order) {
  return layout(
    'Thank you',
    `<h1>Thank you</h1>
<p id="message">${escapeHtml(MESSAGES[order.status] ?? 'Your order is being processed.')}</p>
<dl>
  <dt>Order</dt><dd id="order">${escapeHtml(order.id)}</dd>
  <dt>Amount</dt><dd id="amount">${yen(order.amount)}</dd>
  <dt>Status</dt><dd id="status">${escapeHtml(order.status)}</dd>
</dl>
<p><a href="/">Back to the shop</a></p>`,
  )
}
