// Prerendered at build time.
export default function Home() {
  return (
    <form method="post" action="/api/checkout">
      <button type="submit">Pay with Smartpay</button>
    </form>
  )
}
