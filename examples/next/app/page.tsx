import { CART, yen } from '@/lib/cart'
import { startCheckout } from './actions'

export default async function Cart({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  const { canceled } = await searchParams
  const total = CART.reduce((sum, item) => sum + item.amount * item.quantity, 0)
  return (
    <main>
      <h1>Your cart</h1>
      {canceled !== undefined && <p id="notice">Payment canceled: your cart is as you left it.</p>}
      <table>
        <tbody>
          {CART.map((item) => (
            <tr key={item.name}>
              <td>{item.name}</td>
              <td>{item.quantity}</td>
              <td>{yen(item.amount * item.quantity)}</td>
            </tr>
          ))}
          <tr>
            <th colSpan={2}>Total</th>
            <th id="total">{yen(total)}</th>
          </tr>
        </tbody>
      </table>
      {/* A server action: the session is made on the server, from the server's prices. */}
      <form action={startCheckout}>
        <button id="checkout" type="submit">
          Pay with Smartpay
        </button>
      </form>
    </main>
  )
}
