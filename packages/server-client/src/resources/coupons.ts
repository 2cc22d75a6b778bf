import type { Transport } from '@smartpay-kit/core'
import type { Coupon, CreateCouponParams, UpdateCouponParams } from '../schemas/coupon.js'
import type { Create, OnId, Page, Update } from './methods.js'
import { resource } from './operation.js'
import { COUPON_OPERATIONS } from './operations.js'

/** The `coupons` resource of a server client. */
export interface CouponsResource {
  /**
   * Creates a coupon: a fixed amount off, or a percentage off.
   * @example
   * await smartpay.coupons.create({ name: 'Spring', discountType: 'percentage', discountPercentage: 10 })
   */
  create: Create<CreateCouponParams, Coupon>
  /** Retrieves a coupon. */
  retrieve: OnId<Coupon>
  /** Updates a coupon's `active`, `name` or `metadata`. */
  update: Update<UpdateCouponParams, Coupon>
  /** Lists coupons: await one page or `for await` every coupon. */
  list: Page<Coupon>
}

/** Coupons: discounts that promotion codes hand out to shoppers. */
export function couponsResource(transport: Transport): CouponsResource {
  return resource(transport, COUPON_OPERATIONS)
}
