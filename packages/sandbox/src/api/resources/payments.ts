import { ApiError } from '../../domain/errors.js'
import { capture } from '../../domain/lifecycle.js'
import type { JsonObject } from '../../domain/objects.js'
import { paginate, wantsExpansion } from '../collection.js'
import { presentPayment } from '../present.js'
import { type Context, ok, type Route, route } from '../router.js'
import { currency, noteFields } from '../shapes.js'
import { array, integer, required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

/** Captures (part of) an order in `requires_capture`; emits `payment.created`. */
function create(ctx: Context) {
  const body = validate(ctx.body, {
    ...noteFields,
    order: required(string({ min: 1 })),
    amount: required(integer()),
    currency: required(currency),
    cancelRemainder: string({ oneOf: ['automatic', 'manual'] }),
    lineItems: array(string()),
  })
  const orderId = body.order as string
  const order = ctx.store.get(ctx.mode, 'order', orderId)
  if (!order)
    throw new ApiError(404, 'order.not-found', `No order with id "${orderId}" exists in this mode.`)
  if (body.currency !== order.currency)
    throw new ApiError(
      400,
      'request.invalid',
      `currency must be ${order.currency}, the order's currency.`,
      [{ path: 'currency', message: `must be ${order.currency}` }],
    )
  const { payment } = capture(ctx, order, {
    amount: body.amount as number,
    cancelRemainder: body.cancelRemainder === 'manual' ? 'manual' : 'automatic',
    lineItems: (body.lineItems as string[] | undefined) ?? [],
    fields: body,
  })
  ctx.emit('payment.created', payment)
  return ok(payment)
}

/** The `reference`/`description`/`metadata` patch of an update body. */
export function notesPatch(body: JsonObject): JsonObject {
  const patch: JsonObject = {}
  for (const key of ['reference', 'description', 'metadata'] as const)
    if (body[key] !== undefined && body[key] !== null) patch[key] = body[key]
  return patch
}

/** Payment operations (`/payments`). */
export const paymentRoutes: Route[] = [
  route('POST', '/payments', 'payments.create', create),
  route('GET', '/payments', 'payments.list', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(
      paginate(ctx.store.all(ctx.mode, 'payment'), ctx.query, (p) =>
        presentPayment(ctx, p, expand),
      ),
    )
  }),
  route('GET', '/payments/:id', 'payments.retrieve', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(presentPayment(ctx, mustGet(ctx, 'payment', idParam(ctx)), expand))
  }),
  route('PATCH', '/payments/:id', 'payments.update', (ctx) => {
    const payment = mustGet(ctx, 'payment', idParam(ctx))
    const body = validate(ctx.body, noteFields)
    return ok(ctx.store.update(ctx.mode, 'payment', payment.id, notesPatch(body), ctx.now))
  }),
]
