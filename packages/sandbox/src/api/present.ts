import type { Mode } from '../domain/ids.js'
import type { CheckoutSession, ObjectKind, Order, Payment, Refund } from '../domain/objects.js'
import type { Store } from '../domain/store.js'

type Source = { mode: Mode; store: Store }

const lookup = <K extends ObjectKind>({ mode, store }: Source, kind: K, ids: readonly string[]) =>
  ids.flatMap((id) => {
    const found = store.get(mode, kind, id)
    return found ? [found] : []
  })

/** An order as the API returns it; `expand` replaces line item, payment and discount ids. */
export function presentOrder(source: Source, order: Order, expand: boolean): unknown {
  if (!expand) return order
  return {
    ...order,
    lineItems: lookup(source, 'lineItem', order.lineItems),
    payments: lookup(source, 'payment', order.payments),
    discounts: lookup(source, 'discount', order.discounts),
  }
}

/** A checkout session; `expand` replaces the order or token id by the (expanded) object. */
export function presentSession(source: Source, session: CheckoutSession, expand: boolean): unknown {
  if (!expand) return session
  const order = session.order ? source.store.get(source.mode, 'order', session.order) : undefined
  const token = session.token ? source.store.get(source.mode, 'token', session.token) : undefined
  return {
    ...session,
    ...(order ? { order: presentOrder(source, order, true) } : {}),
    ...(token ? { token } : {}),
  }
}

/** A payment; `expand` replaces the order id by the order. */
export function presentPayment(source: Source, payment: Payment, expand: boolean): unknown {
  const order = expand ? source.store.get(source.mode, 'order', payment.order) : undefined
  return order ? { ...payment, order } : payment
}

/** A refund; `expand` replaces the payment id by the payment. */
export function presentRefund(source: Source, refund: Refund, expand: boolean): unknown {
  const payment = expand ? source.store.get(source.mode, 'payment', refund.payment) : undefined
  return payment ? { ...refund, payment } : refund
}
