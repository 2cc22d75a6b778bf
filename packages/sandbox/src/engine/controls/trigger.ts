import { type ApiDeps, invoke } from '../../api/handleApi.js'
import { API_ROUTES } from '../../api/resources/index.js'
import {
  authorizeCheckout,
  type CheckoutDeps,
  rejectCheckout,
  runCheckoutAction,
} from '../../checkout/actions.js'
import type { EventType, WebhookEvent } from '../../domain/events.js'
import { type Mode, newId, randomBase62 } from '../../domain/ids.js'
import { baseFields, type JsonObject } from '../../domain/objects.js'

/** What `trigger` reaches into. */
export type TriggerDeps = CheckoutDeps & Pick<ApiDeps, 'origin'>

const ADDRESS = {
  line1: '1-2-3 Jingumae',
  locality: 'Shibuya-ku',
  postalCode: '150-0001',
  country: 'JP',
}

const orderBody = (captureMethod: 'automatic' | 'manual'): JsonObject => ({
  amount: 3000,
  currency: 'JPY',
  items: [{ name: 'Sandbox green tea', amount: 1500, currency: 'JPY', quantity: 2 }],
  customerInfo: { emailAddress: 'shopper@example.com', firstName: 'Hanako' },
  shippingInfo: { address: ADDRESS },
  captureMethod,
  reference: 'sandbox-trigger',
})

const SESSION_URLS = {
  successUrl: 'https://merchant.example/checkout/success',
  cancelUrl: 'https://merchant.example/checkout/cancel',
}

/**
 * Emits a realistic event of `type` in `mode`: runs the operations and shopper actions that
 * lead to it, through the same handlers as the API (so the data is what the API would send),
 * and returns the event. Earlier events of the flow (e.g. `order.authorized` before
 * `order.canceled`) are emitted too, as they would be. Payouts and merchant users are not
 * modelled by the sandbox, so their events carry a made-up object of the documented kind.
 */
export function triggerEvent(deps: TriggerDeps, type: EventType, mode: Mode): WebhookEvent {
  const call = (operation: string, body: JsonObject = {}, params: Record<string, string> = {}) => {
    const route = API_ROUTES.find((candidate) => candidate.operation === operation)
    if (!route) throw new Error(`no operation ${operation}`)
    const reply = invoke(deps, mode, route, params, new URLSearchParams(), body)
    if (reply.status >= 400) throw new Error(`trigger ${type}: ${operation} failed: ${reply.body}`)
    return (reply.body === '' ? {} : JSON.parse(reply.body)) as JsonObject & { id: string }
  }
  const authorize = (sessionId: string) =>
    runCheckoutAction(deps, sessionId, (scope, session) => authorizeCheckout(scope, session))
  const reject = (sessionId: string) =>
    runCheckoutAction(deps, sessionId, (scope, session) => rejectCheckout(scope, session))
  const session = (captureMethod: 'automatic' | 'manual') =>
    call('checkoutSessions.create', { ...orderBody(captureMethod), ...SESSION_URLS })
  const tokenSession = () =>
    call('checkoutSessions.create', {
      mode: 'token',
      customerInfo: { emailAddress: 'shopper@example.com' },
      ...SESSION_URLS,
    })
  const activeToken = () => {
    const created = tokenSession()
    const token = authorize(created.id).token
    if (!token) throw new Error('trigger: the token was not approved')
    return token.id
  }
  const coupon = () =>
    call('coupons.create', {
      name: 'Sandbox 10% off',
      discountType: 'percentage',
      discountPercentage: 10,
    })
  const promotionCode = () =>
    call('promotionCodes.create', {
      code: `SANDBOX${randomBase62(6).toUpperCase()}`,
      coupon: coupon().id,
    })
  const invented = (object: string, fields: JsonObject) => {
    const now = deps.clock.now()
    const id = newId(object === 'payout' ? 'payout' : 'merchantUser', mode)
    return deps.dispatcher.emit(
      mode,
      type,
      { ...baseFields(id, mode, now), object, ...fields },
      now,
    )
  }

  const before = deps.dispatcher.events(mode).length
  switch (type) {
    case 'order.authorized':
      authorize(session('manual').id)
      break
    case 'payment.created':
      authorize(session('automatic').id)
      break
    case 'order.rejected':
      reject(session('manual').id)
      break
    case 'order.canceled': {
      const order = authorize(session('manual').id).order
      call('orders.cancel', {}, { id: order?.id ?? '' })
      break
    }
    case 'refund.created': {
      const order = authorize(session('automatic').id).order
      call('refunds.create', {
        payment: order?.payments[0] ?? '',
        currency: 'JPY',
        reason: 'requested_by_customer',
      })
      break
    }
    case 'coupon.created':
      coupon()
      break
    case 'coupon.updated':
      call('coupons.update', { name: 'Sandbox 10% off (renamed)' }, { id: coupon().id })
      break
    case 'promotion_code.created':
      promotionCode()
      break
    case 'promotion_code.updated':
      call('promotionCodes.update', { active: false }, { id: promotionCode().id })
      break
    case 'token.created':
      tokenSession()
      break
    case 'token.approved':
      activeToken()
      break
    case 'token.rejected':
      reject(tokenSession().id)
      break
    case 'token.disabled':
      call('tokens.disable', {}, { id: activeToken() })
      break
    case 'token.enabled': {
      const id = activeToken()
      call('tokens.disable', {}, { id })
      call('tokens.enable', {}, { id })
      break
    }
    case 'token.deleted':
      call('tokens.delete', {}, { id: activeToken() })
      break
    case 'token.used':
      call('orders.create', { ...orderBody('automatic'), token: activeToken() })
      break
    case 'payout.generated':
    case 'payout.paid':
      return invented('payout', {
        amount: 2910,
        currency: 'JPY',
        status: type === 'payout.paid' ? 'paid' : 'generated',
      })
    case 'merchant_user.created':
    case 'merchant_user.password_reset':
      return invented('merchantUser', { emailAddress: 'merchant@example.com' })
  }
  const emitted = deps.dispatcher.events(mode).slice(before)
  const event = emitted.findLast((candidate) => candidate.event === type)
  if (!event) throw new Error(`trigger: the flow for ${type} emitted no such event`)
  return event
}
