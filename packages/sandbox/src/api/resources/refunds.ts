import { ApiError } from '../../domain/errors.js'
import { newId } from '../../domain/ids.js'
import { baseFields, type Payment, pickStrings, type Refund } from '../../domain/objects.js'
import { paginate, wantsExpansion } from '../collection.js'
import { presentRefund } from '../present.js'
import { type Context, ok, type Route, route } from '../router.js'
import { currency, noteFields } from '../shapes.js'
import { array, integer, required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'
import { notesPatch } from './payments.js'

/** What is left to refund on a payment. */
export function refundable(ctx: Pick<Context, 'mode' | 'store'>, payment: Payment): number {
  const refunded = ctx.store
    .all(ctx.mode, 'refund')
    .filter((refund) => refund.payment === payment.id)
    .reduce((sum, refund) => sum + refund.amount, 0)
  return payment.amount - refunded
}

/**
 * Refunds part or all of a payment (`amount` defaults to everything left); never more than
 * captured minus already refunded. A fully refunded payment becomes `refunded`.
 */
function create(ctx: Context) {
  const { mode, store, now } = ctx
  const body = validate(ctx.body, {
    ...noteFields,
    payment: required(string({ min: 1 })),
    currency: required(currency),
    reason: required(string({ oneOf: ['requested_by_customer', 'fraudulent'] })),
    amount: integer({ min: 1 }),
    lineItems: array(string()),
  })
  const paymentId = body.payment as string
  const payment = store.get(mode, 'payment', paymentId)
  if (!payment)
    throw new ApiError(
      404,
      'payment.not-found',
      `No payment with id "${paymentId}" exists in this mode.`,
    )
  const left = refundable(ctx, payment)
  const amount = (body.amount as number | undefined) ?? left
  if (amount > left || left === 0)
    throw new ApiError(
      403,
      'amount.insufficient',
      `Cannot refund ${amount} ${payment.currency}: only ${left} of payment ${payment.id} is left to refund.`,
    )
  const refund: Refund = store.insert(mode, 'refund', {
    ...baseFields(newId('refund', mode), mode, now, body.metadata),
    object: 'refund',
    status: 'succeeded',
    amount,
    currency: payment.currency,
    payment: payment.id,
    reason: body.reason as string,
    lineItems: (body.lineItems as string[] | undefined) ?? [],
    ...pickStrings(body, ['reference', 'description']),
  })
  if (amount === left) store.update(mode, 'payment', payment.id, { status: 'refunded' }, now)
  ctx.emit('refund.created', refund)
  return ok(refund)
}

/** Refund operations (`/refunds`). */
export const refundRoutes: Route[] = [
  route('POST', '/refunds', 'refunds.create', create),
  route('GET', '/refunds', 'refunds.list', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(
      paginate(ctx.store.all(ctx.mode, 'refund'), ctx.query, (r) => presentRefund(ctx, r, expand)),
    )
  }),
  route('GET', '/refunds/:id', 'refunds.retrieve', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(presentRefund(ctx, mustGet(ctx, 'refund', idParam(ctx)), expand))
  }),
  route('PATCH', '/refunds/:id', 'refunds.update', (ctx) => {
    const refund = mustGet(ctx, 'refund', idParam(ctx))
    const body = validate(ctx.body, noteFields)
    return ok(ctx.store.update(ctx.mode, 'refund', refund.id, notesPatch(body), ctx.now))
  }),
]
