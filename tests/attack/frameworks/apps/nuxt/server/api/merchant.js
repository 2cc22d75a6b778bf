// A server route, prerendered too: its body is written to .output/public/api/merchant.
export default defineEventHandler(() => ({ merchantKey: process.env.SMARTPAY_SECRET_KEY }))
