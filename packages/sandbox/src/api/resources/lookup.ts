import { notFound } from '../../domain/errors.js'
import type { ObjectKind, ObjectsByKind } from '../../domain/objects.js'
import type { Context } from '../router.js'

/** The error-code prefix of each kind's `*.not-found`. */
const RESOURCE_NAMES: Record<ObjectKind, string> = {
  checkoutSession: 'checkout-session',
  order: 'order',
  lineItem: 'line-item',
  payment: 'payment',
  refund: 'refund',
  webhookEndpoint: 'webhook-endpoint',
  coupon: 'coupon',
  promotionCode: 'promotion-code',
  token: 'token',
  discount: 'discount',
}

/** The object with this id in the caller's mode, or 404 `<resource>.not-found`. */
export function mustGet<K extends ObjectKind>(
  ctx: Pick<Context, 'mode' | 'store'>,
  kind: K,
  id: string,
): ObjectsByKind[K] {
  const found = ctx.store.get(ctx.mode, kind, id)
  if (!found) throw notFound(RESOURCE_NAMES[kind], id)
  return found
}

/** The `:id` path parameter. */
export const idParam = (ctx: Pick<Context, 'params'>): string => ctx.params.id ?? ''
