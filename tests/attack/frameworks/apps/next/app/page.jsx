import { Receipt } from './Receipt'

// Prerendered: the key read on the server and passed as a prop lands in index.html, index.rsc
// and its segment payloads.
export default function Home() {
  return (
    <main>
      <h1>Checkout</h1>
      <Receipt merchantKey={process.env.SMARTPAY_SECRET_KEY} />
    </main>
  )
}
