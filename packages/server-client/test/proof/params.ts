import type { CreateCheckoutSessionParams, CreateCouponParams } from '../../src/index.js'
import { checkoutParams } from '../fixtures.js'

/** A valid percentage coupon named `name`. */
export const couponParams = (name: string): CreateCouponParams => ({
  name,
  discountType: 'percentage',
  discountPercentage: 10,
})

/** A valid manual-capture checkout session carrying `reference`. */
export const sessionParams = (reference: string): CreateCheckoutSessionParams => ({
  ...checkoutParams,
  captureMethod: 'manual',
  reference,
})
