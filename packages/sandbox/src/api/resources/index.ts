import type { Route } from '../router.js'
import { checkoutSessionRoutes } from './checkoutSessions.js'
import { couponRoutes } from './coupons.js'
import { orderRoutes } from './orders.js'
import { paymentRoutes } from './payments.js'
import { promotionCodeRoutes } from './promotionCodes.js'
import { refundRoutes } from './refunds.js'
import { tokenRoutes } from './tokens.js'
import { webhookEndpointRoutes } from './webhookEndpoints.js'

/** All 34 operations of `/v1`. */
export const API_ROUTES: readonly Route[] = [
  ...checkoutSessionRoutes,
  ...orderRoutes,
  ...paymentRoutes,
  ...refundRoutes,
  ...webhookEndpointRoutes,
  ...couponRoutes,
  ...promotionCodeRoutes,
  ...tokenRoutes,
]
