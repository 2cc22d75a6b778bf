// The back office's command line, in TypeScript compiled to CommonJS: a promotion for a
// newsletter, its checkout link, and a signature check of a stored webhook delivery.
import Smartpay, { isValidCheckoutSessionId } from '@smartpay/sdk-node'

// The official types declare the base class only: the methods are reached through `any`.
const smartpay: any = new Smartpay(process.env.SMARTPAY_SECRET_KEY as string, {
  apiPrefix: process.env.SMARTPAY_API_PREFIX,
})
const run = process.env.RUN ?? 'LOCAL'

async function main(): Promise<void> {
  const coupon = await smartpay.createCoupon({
    name: 'Newsletter',
    discountType: (Smartpay as any).COUPON_DISCOUNT_TYPE_PERCENTAGE,
    discountPercentage: 10,
    idempotencyKey: `newsletter-${run}`,
  })
  const promotion = await smartpay.createPromotionCode({
    coupon: coupon.id,
    code: `NEWS${run}`,
    onePerCustomer: true,
  })
  const session = await smartpay.createCheckoutSession({
    items: [{ name: 'Genmaicha 200g', amount: 1500, currency: 'JPY' }],
    shippingInfo: {
      address: {
        line1: '3-3-3 Shibuya',
        locality: 'Shibuya-ku',
        postalCode: '150-0002',
        country: 'JP',
      },
    },
    customerInfo: { emailAddress: 'jiro@example.com' },
    reference: `${run}-news`,
    successUrl: 'https://shop.example/thanks',
    cancelUrl: 'https://shop.example/cart',
  })
  const link: string = (Smartpay as any).getSessionUrl(session, { promotionCode: promotion.code })
  const delivery = { timestamp: '1653028612220', body: '{"id":"evt_test_1"}' }
  const signature: string = await (Smartpay as any).calculateWebhookSignature({
    data: `${delivery.timestamp}.${delivery.body}`,
    secret: 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q',
  })
  console.log(
    JSON.stringify({
      coupon: coupon.discountPercentage,
      code: promotion.code,
      valid: isValidCheckoutSessionId(session.id),
      link: new URL(link).searchParams.get('promotion-code'),
      amount: session.order.amount,
      signature,
    }),
  )
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
