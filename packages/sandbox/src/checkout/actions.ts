import type { Clock } from '../domain/clock.js'
import { applyPromotionCode } from '../domain/discounts.js'
import { ApiError, notFound } from '../domain/errors.js'
import type { EventType } from '../domain/events.js'
import { modeOfId } from '../domain/ids.js'
import { authorizeOrder, type Scope } from '../domain/lifecycle.js'
import type { BaseObject, CheckoutSession, Order, Token } from '../domain/objects.js'
import type { Store } from '../domain/store.js'
import type { WebhookDispatcher } from '../webhooks/dispatcher.js'

/** What the shopper's action did, and where the browser goes next. */
export interface CheckoutOutcome {
  session: CheckoutSession
  order?: Order
  token?: Token
  redirectUrl: string
}

/** `url` with `params` merged into its existing query. */
export function withParams(url: string, params: Record<string, string>): string {
  const target = new URL(url)
  for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value)
  return target.toString()
}

/** What shopper actions reach into. */
export interface CheckoutDeps {
  store: Store
  dispatcher: WebhookDispatcher
  clock: Clock
}

/**
 * Runs a shopper action against the session's mode (taken from its id: the hosted page has no
 * key) and delivers its events only if it succeeds.
 */
export function runCheckoutAction<T>(
  { store, dispatcher, clock }: CheckoutDeps,
  sessionId: string,
  action: (scope: Scope, session: CheckoutSession) => T,
): T {
  const mode = modeOfId(sessionId)
  const session = mode && store.get(mode, 'checkoutSession', sessionId)
  if (!mode || !session) throw notFound('checkout-session', sessionId)
  const events: [EventType, BaseObject][] = []
  const now = clock.now()
  const scope: Scope = {
    mode,
    store,
    now,
    emit: (type, data) => void events.push([type, structuredClone(data)]),
  }
  const result = action(scope, session)
  for (const [type, data] of events) dispatcher.emit(mode, type, data, now)
  return result
}

/** 410 `checkout-session.expired` once the session's `expiresAt` has passed (sandbox clock). */
export function refuseExpired(scope: Pick<Scope, 'now'>, session: CheckoutSession): void {
  if (scope.now < session.expiresAt) return
  throw new ApiError(
    410,
    'checkout-session.expired',
    `Checkout session ${session.id} expired at ${new Date(session.expiresAt).toISOString()}; create a new session.`,
  )
}

/**
 * The shopper authorizes: the order is authorized (after applying `promotionCode`, if given),
 * or the token becomes `active`. Redirects to `successUrl` with `session-id` and `order-id`.
 */
export function authorizeCheckout(
  scope: Scope,
  session: CheckoutSession,
  promotionCode?: string,
): CheckoutOutcome {
  const { mode, store, now } = scope
  refuseExpired(scope, session)
  if (session.token) {
    const token = store.get(mode, 'token', session.token)
    if (token?.status !== 'requires_authorization')
      throw new ApiError(
        409,
        'token.cannot-authorize',
        `Token ${session.token} is ${token?.status ?? 'gone'}, not requires_authorization.`,
      )
    const approved = store.update(mode, 'token', token.id, { status: 'active' }, now)
    scope.emit('token.approved', approved)
    const redirectUrl = withParams(session.successUrl, {
      'session-id': session.id,
      'token-id': token.id,
    })
    return { session, token: approved, redirectUrl }
  }
  let order = store.get(mode, 'order', session.order ?? '')
  if (!order) throw notFound('order', session.order ?? '')
  if (order.status !== 'requires_authorization')
    throw new ApiError(
      409,
      'order.cannot-authorize',
      `Order ${order.id} is ${order.status}, not requires_authorization.`,
    )
  if (promotionCode) order = applyPromotionCode(scope, order, promotionCode)
  order = authorizeOrder(scope, order)
  const redirectUrl = withParams(session.successUrl, {
    'session-id': session.id,
    'order-id': order.id,
  })
  return { session, order, redirectUrl }
}

/** The shopper cancels: nothing changes; the browser goes to `cancelUrl`. */
export function cancelCheckout(_scope: Scope, session: CheckoutSession): CheckoutOutcome {
  return { session, redirectUrl: session.cancelUrl }
}

/**
 * Smartpay declines the shopper: the order (or token) becomes `rejected` and `order.rejected`
 * (or `token.rejected`) is emitted. The browser goes to `cancelUrl`.
 */
export function rejectCheckout(scope: Scope, session: CheckoutSession): CheckoutOutcome {
  const { mode, store, now } = scope
  refuseExpired(scope, session)
  const kind = session.token ? 'token' : 'order'
  const id = session.token ?? session.order ?? ''
  const target = store.get(mode, kind, id)
  if (target?.status !== 'requires_authorization')
    throw new ApiError(409, `${kind}.cannot-reject`, `${kind} ${id} is not awaiting authorization.`)
  if (kind === 'token') {
    const token = store.update(mode, 'token', id, { status: 'rejected' }, now)
    scope.emit('token.rejected', token)
    return { session, token, redirectUrl: session.cancelUrl }
  }
  const order = store.update(mode, 'order', id, { status: 'rejected' }, now)
  scope.emit('order.rejected', order)
  return { session, order, redirectUrl: session.cancelUrl }
}
