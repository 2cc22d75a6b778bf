// A prerendered endpoint: its body is written as a file.
export const prerender = true

export function GET() {
  return Response.json({ merchant: process.env.SMARTPAY_SECRET_KEY })
}
