import { newId } from '../../domain/ids.js'
import { createOrder } from '../../domain/lifecycle.js'
import {
  baseFields,
  type CheckoutSession,
  type JsonObject,
  pickStrings,
} from '../../domain/objects.js'
import { paginate, wantsExpansion } from '../collection.js'
import { presentSession } from '../present.js'
import { type Context, ok, type Route, route } from '../router.js'
import { customerInfo, orderFields } from '../shapes.js'
import { metadata, required, type Shape, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

/** How long a session's hosted page stays usable (then it answers 410). */
const SESSION_TTL_MS = 24 * 60 * 60 * 1000

const sessionFields: Shape = {
  successUrl: required(string({ url: true })),
  cancelUrl: required(string({ url: true })),
  locale: string({ oneOf: ['en', 'ja'] }),
}

const tokenSessionShape: Shape = {
  ...sessionFields,
  mode: required(string({ oneOf: ['token'] })),
  customerInfo: required(customerInfo),
  description: string({ min: 1, max: 80 }),
  reference: string({ min: 1, max: 40 }),
  metadata,
}

const orderSessionShape: Shape = {
  ...orderFields,
  ...sessionFields,
  mode: string({ oneOf: ['order', 'token'] }),
}

/** Creates a session for a one-off order, or for a token when `mode` is `"token"`. */
function create(ctx: Context) {
  const { mode, store, now } = ctx
  const isToken = ctx.body.mode === 'token'
  const body = validate(ctx.body, isToken ? tokenSessionShape : orderSessionShape)
  const id = newId('checkoutSession', mode)
  let link: { order: string } | { token: string }
  if (isToken) {
    const token = store.insert(mode, 'token', {
      ...baseFields(newId('token', mode), mode, now, body.metadata),
      object: 'token',
      status: 'requires_authorization',
      customerInfo: body.customerInfo as JsonObject,
      ...pickStrings(body, ['reference']),
    })
    ctx.emit('token.created', token)
    link = { token: token.id }
  } else {
    link = { order: createOrder(ctx, body, { checkoutSession: id }).id }
  }
  const session: CheckoutSession = {
    ...baseFields(id, mode, now, body.metadata),
    object: 'checkoutSession',
    mode: isToken ? 'token' : 'order',
    url: `${ctx.origin}/checkout/${id}`,
    successUrl: body.successUrl as string,
    cancelUrl: body.cancelUrl as string,
    customerInfo: body.customerInfo as JsonObject,
    ...pickStrings(body, ['locale', 'reference', 'description']),
    ...link,
    expiresAt: now + SESSION_TTL_MS,
  }
  store.insert(mode, 'checkoutSession', session)
  return ok(presentSession(ctx, session, true))
}

/** Checkout session operations (`/checkout-sessions`). */
export const checkoutSessionRoutes: Route[] = [
  route('POST', '/checkout-sessions', 'checkoutSessions.create', create),
  route('GET', '/checkout-sessions', 'checkoutSessions.list', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    const all = ctx.store.all(ctx.mode, 'checkoutSession')
    return ok(paginate(all, ctx.query, (s) => presentSession(ctx, s, expand)))
  }),
  route('GET', '/checkout-sessions/:id', 'checkoutSessions.retrieve', (ctx) => {
    const expand = wantsExpansion(ctx.query)
    return ok(presentSession(ctx, mustGet(ctx, 'checkoutSession', idParam(ctx)), expand))
  }),
]
