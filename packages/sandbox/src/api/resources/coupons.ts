import { newId } from '../../domain/ids.js'
import { baseFields, type Coupon, type JsonObject } from '../../domain/objects.js'
import { paginate } from '../collection.js'
import { type Context, ok, type Route, route } from '../router.js'
import { currency } from '../shapes.js'
import { boolean, integer, metadata, number, required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

/** Creates a coupon; amount coupons need `discountAmount` and `currency`, percentage ones `discountPercentage`. */
function create(ctx: Context) {
  const { mode, store, now } = ctx
  const body = validate(
    ctx.body,
    {
      name: required(string({ min: 1, max: 80 })),
      discountType: required(string({ oneOf: ['amount', 'percentage'] })),
      discountAmount: integer(),
      discountPercentage: number({ min: 0, max: 100 }),
      currency,
      expiresAt: integer(),
      maxRedemptionCount: integer({ min: 1 }),
      metadata,
    },
    (issues) => {
      const needs =
        ctx.body.discountType === 'amount' ? ['discountAmount', 'currency'] : ['discountPercentage']
      for (const key of needs)
        if (ctx.body[key] === undefined || ctx.body[key] === null)
          issues.push({
            path: key,
            message: `is required when discountType is ${ctx.body.discountType}`,
          })
    },
  )
  const isAmount = body.discountType === 'amount'
  const coupon: Coupon = {
    ...baseFields(newId('coupon', mode), mode, now, body.metadata),
    object: 'coupon',
    name: body.name as string,
    active: true,
    discountType: isAmount ? 'amount' : 'percentage',
    ...(isAmount
      ? { discountAmount: body.discountAmount as number, currency: body.currency as string }
      : { discountPercentage: body.discountPercentage as number }),
    ...(typeof body.expiresAt === 'number' ? { expiresAt: body.expiresAt } : {}),
    ...(typeof body.maxRedemptionCount === 'number'
      ? { maxRedemptionCount: body.maxRedemptionCount }
      : {}),
    redemptionCount: 0,
    sponsored: false,
  }
  store.insert(mode, 'coupon', coupon)
  ctx.emit('coupon.created', coupon)
  return ok(coupon)
}

/** Updates `active`, `name` and `metadata`; emits `coupon.updated`. */
function update(ctx: Context) {
  const coupon = mustGet(ctx, 'coupon', idParam(ctx))
  const body = validate(ctx.body, { active: boolean, name: string({ min: 1, max: 80 }), metadata })
  const updated = ctx.store.update(
    ctx.mode,
    'coupon',
    coupon.id,
    {
      ...(typeof body.active === 'boolean' ? { active: body.active } : {}),
      ...(typeof body.name === 'string' ? { name: body.name } : {}),
      ...(body.metadata ? { metadata: body.metadata as JsonObject } : {}),
    },
    ctx.now,
  )
  ctx.emit('coupon.updated', updated)
  return ok(updated)
}

/** Coupon operations (`/coupons`). */
export const couponRoutes: Route[] = [
  route('POST', '/coupons', 'coupons.create', create),
  route('GET', '/coupons', 'coupons.list', (ctx) =>
    ok(paginate(ctx.store.all(ctx.mode, 'coupon'), ctx.query, (c) => c)),
  ),
  route('GET', '/coupons/:id', 'coupons.retrieve', (ctx) =>
    ok(mustGet(ctx, 'coupon', idParam(ctx))),
  ),
  route('PATCH', '/coupons/:id', 'coupons.update', update),
]
