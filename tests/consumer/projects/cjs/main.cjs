// A CommonJS Node app: require() of the ESM-only packages (Node >= 22.12), then one call
// against the sandbox. The test passes SMARTPAY_SECRET_KEY, SMARTPAY_BASE_URL and
// NODE_EXTRA_CA_CERTS.
const { createServerClient } = require('@smartpay-kit/server-client')
const { verifyWebhook } = require('@smartpay-kit/server-client/webhooks')
const { createPublicClient } = require('@smartpay-kit/public-client')

async function main() {
  const smartpay = createServerClient({ baseUrl: process.env.SMARTPAY_BASE_URL })
  const coupon = await smartpay.coupons.create({
    name: 'Consumer CJS',
    discountType: 'percentage',
    discountPercentage: 10,
  })
  console.log(
    JSON.stringify({
      id: coupon.id,
      verifyWebhook: typeof verifyWebhook,
      createPublicClient: typeof createPublicClient,
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
