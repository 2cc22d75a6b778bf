import type { Transport } from '@smartpay-kit/core'
import type {
  CreatePromotionCodeParams,
  PromotionCode,
  UpdatePromotionCodeParams,
} from '../schemas/promotionCode.js'
import type { Create, OnId, Page, Update } from './methods.js'
import { resource } from './operation.js'
import { PROMOTION_CODE_OPERATIONS } from './operations.js'

/** The `promotionCodes` resource of a server client. */
export interface PromotionCodesResource {
  /**
   * Creates a promotion code for a coupon (`ConflictError` with code `promotion-code.exists`
   * when the code is taken).
   * @example
   * await smartpay.promotionCodes.create({ code: 'SPRING10', coupon: 'coupon_test_…' })
   */
  create: Create<CreatePromotionCodeParams, PromotionCode>
  /** Retrieves a promotion code. */
  retrieve: OnId<PromotionCode>
  /** Updates a promotion code's `active` or `metadata`. */
  update: Update<UpdatePromotionCodeParams, PromotionCode>
  /** Lists promotion codes: await one page or `for await` every code. */
  list: Page<PromotionCode>
}

/** Promotion codes: the codes shoppers type (or you pass to `checkoutUrl`) to get a coupon. */
export function promotionCodesResource(transport: Transport): PromotionCodesResource {
  return resource(transport, PROMOTION_CODE_OPERATIONS)
}
