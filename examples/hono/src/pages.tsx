// The shop's two pages, in Hono's JSX (it escapes every value).
import type { Order } from '@smartpay-kit/server-client'
import type { Child } from 'hono/jsx'
import { CART, yen } from './cart.ts'

const Layout = ({ title, children }: { title: string; children: Child }) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <title>{title}</title>
    </head>
    <body>{children}</body>
  </html>
)

/** The cart, with a form that asks the server for a checkout session. */
export const CartPage = ({ canceled }: { canceled: boolean }) => (
  <Layout title="Cart">
    <h1>Your cart</h1>
    {canceled && <p id="notice">Payment canceled: your cart is as you left it.</p>}
    <table>
      {CART.map((item) => (
        <tr>
          <td>{item.name}</td>
          <td>{item.quantity}</td>
          <td>{yen(item.amount * item.quantity)}</td>
        </tr>
      ))}
      <tr>
        <th colspan={2}>Total</th>
        <th id="total">{yen(CART.reduce((sum, item) => sum + item.amount * item.quantity, 0))}</th>
      </tr>
    </table>
    <form method="post" action="/checkout">
      <button id="checkout" type="submit">
        Pay with Smartpay
      </button>
    </form>
  </Layout>
)

/** What the shopper is told for each order status. */
const MESSAGES: Record<string, string> = {
  requires_capture: 'Your purchase is approved. You will be charged when it ships.',
  succeeded: 'Your purchase is approved and paid for. It is on its way.',
  canceled: 'This order was canceled.',
}

/** Where Smartpay sends the shopper back: how the order stands. */
export const SuccessPage = ({ order }: { order: Order }) => (
  <Layout title="Thank you">
    <h1>Thank you</h1>
    <p id="message">{MESSAGES[order.status] ?? 'Your order is being processed.'}</p>
    <dl>
      <dt>Order</dt>
      <dd id="order">{order.id}</dd>
      <dt>Amount</dt>
      <dd id="amount">{yen(order.amount)}</dd>
      <dt>Status</dt>
      <dd id="status">{order.status}</dd>
    </dl>
    <p>
      <a href="/">Back to the shop</a>
    </p>
  </Layout>
)
