// A static endpoint: generated into a file at build time.
export function GET() {
  return Response.json({ merchant: process.env.SMARTPAY_SECRET_KEY })
}
