import { findPromotionCode } from '../../domain/discounts.js'
import { ApiError } from '../../domain/errors.js'
import { newId } from '../../domain/ids.js'
import { baseFields, type JsonObject, type PromotionCode } from '../../domain/objects.js'
import { paginate } from '../collection.js'
import { type Context, ok, type Route, route } from '../router.js'
import { currency } from '../shapes.js'
import { boolean, integer, metadata, required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

const numberField = (
  body: JsonObject,
  key: 'expiresAt' | 'maxRedemptionCount' | 'minimumAmount',
) => (typeof body[key] === 'number' ? { [key]: body[key] } : {})

/** Creates a code for an existing coupon; codes are unique case-insensitively per mode. */
function create(ctx: Context) {
  const { mode, store, now } = ctx
  const body = validate(
    ctx.body,
    {
      code: required(string({ min: 1, max: 64 })),
      coupon: required(string({ min: 1 })),
      active: boolean,
      currency,
      expiresAt: integer(),
      firstTimeTransaction: boolean,
      maxRedemptionCount: integer({ min: 1 }),
      minimumAmount: integer(),
      onePerCustomer: boolean,
      metadata,
    },
    (issues) => {
      if (ctx.body.minimumAmount != null && ctx.body.currency == null)
        issues.push({ path: 'currency', message: 'is required when minimumAmount is set' })
    },
  )
  const couponId = body.coupon as string
  if (!store.get(mode, 'coupon', couponId))
    throw new ApiError(
      404,
      'coupon.not-found',
      `No coupon with id "${couponId}" exists in this mode.`,
    )
  const code = body.code as string
  if (findPromotionCode(ctx, code))
    throw new ApiError(
      409,
      'promotion-code.exists',
      `A promotion code "${code}" already exists (codes are case-insensitive).`,
    )
  const promotionCode: PromotionCode = {
    ...baseFields(newId('promotionCode', mode), mode, now, body.metadata),
    object: 'promotionCode',
    code,
    coupon: couponId,
    active: body.active !== false,
    ...(typeof body.currency === 'string' ? { currency: body.currency } : {}),
    firstTimeTransaction: body.firstTimeTransaction === true,
    onePerCustomer: body.onePerCustomer === true,
    ...numberField(body, 'expiresAt'),
    ...numberField(body, 'maxRedemptionCount'),
    ...numberField(body, 'minimumAmount'),
    redemptionCount: 0,
  }
  store.insert(mode, 'promotionCode', promotionCode)
  ctx.emit('promotion_code.created', promotionCode)
  return ok(promotionCode)
}

/** Updates `active` and `metadata`; emits `promotion_code.updated`. */
function update(ctx: Context) {
  const promotionCode = mustGet(ctx, 'promotionCode', idParam(ctx))
  const body = validate(ctx.body, { active: boolean, metadata })
  const updated = ctx.store.update(
    ctx.mode,
    'promotionCode',
    promotionCode.id,
    {
      ...(typeof body.active === 'boolean' ? { active: body.active } : {}),
      ...(body.metadata ? { metadata: body.metadata as JsonObject } : {}),
    },
    ctx.now,
  )
  ctx.emit('promotion_code.updated', updated)
  return ok(updated)
}

/** Promotion code operations (`/promotion-codes`). */
export const promotionCodeRoutes: Route[] = [
  route('POST', '/promotion-codes', 'promotionCodes.create', create),
  route('GET', '/promotion-codes', 'promotionCodes.list', (ctx) =>
    ok(paginate(ctx.store.all(ctx.mode, 'promotionCode'), ctx.query, (p) => p)),
  ),
  route('GET', '/promotion-codes/:id', 'promotionCodes.retrieve', (ctx) =>
    ok(mustGet(ctx, 'promotionCode', idParam(ctx))),
  ),
  route('PATCH', '/promotion-codes/:id', 'promotionCodes.update', update),
]
