// A server load on a prerendered page: what it returns is in index.html and __data.json.
export function load() {
  return { merchantKey: process.env.SMARTPAY_SECRET_KEY }
}
