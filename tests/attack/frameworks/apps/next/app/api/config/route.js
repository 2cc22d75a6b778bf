// A route handler prerendered at build time: its body and headers are served as they are.
export const dynamic = 'force-static'

export function GET() {
  return Response.json(
    { merchant: process.env.SMARTPAY_SECRET_KEY },
    { headers: { 'x-merchant': process.env.SMARTPAY_SECRET_KEY ?? '' } },
  )
}
