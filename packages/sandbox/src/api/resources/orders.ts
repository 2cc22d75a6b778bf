import { ApiError } from '../../domain/errors.js'
import { authorizeOrder, cancelOrder, createOrder } from '../../domain/lifecycle.js'
import { paginate, wantsExpansion } from '../collection.js'
import { presentOrder } from '../present.js'
import { type Context, ok, type Route, route } from '../router.js'
import { orderFields } from '../shapes.js'
import { required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

/**
 * Charges an active token: the order is created already authorized (`requires_capture`, or
 * `succeeded` with a full payment for automatic capture). Emits `token.used`.
 */
function createFromToken(ctx: Context) {
  const body = validate(ctx.body, { ...orderFields, token: required(string({ min: 1 })) })
  const tokenId = body.token as string
  const token = ctx.store.get(ctx.mode, 'token', tokenId)
  if (!token || token.status === 'deleted')
    throw new ApiError(404, 'token.not-found', `No token with id "${tokenId}" exists in this mode.`)
  if (token.status !== 'active')
    throw new ApiError(
      400,
      'token.invalid',
      `Token ${tokenId} is ${token.status}; only an active token can be charged.`,
    )
  const order = createOrder(ctx, body, { tokenId })
  ctx.emit('token.used', token)
  const authorized = authorizeOrder(ctx, order)
  return ok(presentOrder(ctx, authorized, true))
}

/** Order operations (`/orders`). */
export const orderRoutes: Route[] = [
  route('POST', '/orders', 'orders.create', createFromToken),
  route('GET', '/orders', 'orders.list', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(
      paginate(ctx.store.all(ctx.mode, 'order'), ctx.query, (o) => presentOrder(ctx, o, expand)),
    )
  }),
  route('GET', '/orders/:id', 'orders.retrieve', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(presentOrder(ctx, mustGet(ctx, 'order', idParam(ctx)), expand))
  }),
  route('PUT', '/orders/:id/cancellation', 'orders.cancel', (ctx) => {
    const order = mustGet(ctx, 'order', idParam(ctx))
    return ok(presentOrder(ctx, cancelOrder(ctx, order), false))
  }),
]
