// The server entry: renders the page (with what the server knows) at prerender time.
export function render() {
  const merchant = JSON.stringify(process.env.SMARTPAY_SECRET_KEY)
  return `<!doctype html><html><body><h1>Checkout</h1><script>window.merchant = ${merchant}</script></body></html>`
}
