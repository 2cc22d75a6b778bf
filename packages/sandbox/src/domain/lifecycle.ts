import { ApiError } from './errors.js'
import type { EventType } from './events.js'
import { type Mode, newId } from './ids.js'
import {
  type BaseObject,
  baseFields,
  type Json,
  type JsonObject,
  type LineItem,
  type Order,
  type Payment,
} from './objects.js'
import type { Store } from './store.js'

/** What state changes need: the caller's mode, the store, the time and an event sink. */
export interface Scope {
  mode: Mode
  store: Store
  /** One timestamp per request, in ms. */
  now: number
  /** Queues an event; it is delivered only if the handler succeeds. */
  emit(type: EventType, data: BaseObject): void
}

/**
 * How long a manual-capture authorization can be captured: 7 days, after which the API cancels
 * the order (Smartpay's docs, "Capture an order" and "Manual capture").
 */
export const AUTHORIZATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

const optional = <T extends string>(key: T, value: Json | undefined) =>
  typeof value === 'string' ? ({ [key]: value } as Record<T, string>) : {}

/** Creates an order (and its line items) in `requires_authorization` from a validated body. */
export function createOrder(scope: Scope, body: JsonObject, extra: Partial<Order> = {}): Order {
  const { mode, store, now } = scope
  const currency = body.currency as string
  const lineItems = (body.items as JsonObject[]).map((entry) => {
    const price: JsonObject = {
      id: newId('price', mode),
      object: 'price',
      amount: entry.amount as number,
      currency: (entry.currency as string | undefined) ?? currency,
      active: true,
      ...optional('label', entry.label),
      ...optional('description', entry.priceDescription),
      metadata: (entry.priceMetadata as JsonObject | undefined) ?? {},
      product: {
        id: newId('product', mode),
        object: 'product',
        name: entry.name as string,
        active: true,
        ...optional('brand', entry.brand),
        ...optional('gtin', entry.gtin),
        ...optional('reference', entry.reference),
        ...optional('url', entry.url),
        ...optional('description', entry.productDescription),
        categories: (entry.categories as Json[] | undefined) ?? [],
        images: (entry.images as Json[] | undefined) ?? [],
        metadata: (entry.productMetadata as JsonObject | undefined) ?? {},
      },
    }
    const lineItem: LineItem = {
      ...baseFields(newId('lineItem', mode), mode, now, entry.metadata),
      object: 'lineItem',
      kind: (entry.kind as string | undefined) ?? 'product',
      amount: entry.amount as number,
      currency: price.currency as string,
      quantity: (entry.quantity as number | undefined) ?? 1,
      ...optional('description', entry.description),
      price,
    }
    return store.insert(mode, 'lineItem', lineItem).id
  })
  const order: Order = {
    ...baseFields(newId('order', mode), mode, now, body.metadata),
    object: 'order',
    status: 'requires_authorization',
    amount: body.amount as number,
    currency,
    captureMethod: body.captureMethod === 'manual' ? 'manual' : 'automatic',
    discountAmount: 0,
    discounts: [],
    lineItems,
    payments: [],
    customerInfo: body.customerInfo as JsonObject,
    shippingInfo: body.shippingInfo as JsonObject,
    ...optional('description', body.description),
    ...optional('reference', body.reference),
    ...extra,
  }
  return store.insert(mode, 'order', order)
}

/** The sum of an order's payments. */
export function capturedAmount(scope: Pick<Scope, 'mode' | 'store'>, order: Order): number {
  return order.payments.reduce(
    (sum, id) => sum + (scope.store.get(scope.mode, 'payment', id)?.amount ?? 0),
    0,
  )
}

/** What a capture asks for, besides the order. */
export interface CaptureInput {
  amount: number
  cancelRemainder?: 'automatic' | 'manual'
  lineItems?: string[]
  fields?: JsonObject
}

/**
 * Captures part or all of an order in `requires_capture`. `cancelRemainder: automatic` (the
 * default) ends the order with this single capture; `manual` keeps it open until fully captured.
 */
export function capture(scope: Scope, order: Order, input: CaptureInput) {
  const { mode, store, now } = scope
  if (order.status !== 'requires_capture') {
    // Canceled at (or after) its expiry, not before: the API canceled it, not the merchant.
    const lapsed =
      order.status === 'canceled' &&
      order.expiresAt !== undefined &&
      order.updatedAt >= order.expiresAt
    throw new ApiError(
      409,
      'order.cannot-capture',
      lapsed
        ? `The authorization of order ${order.id} expired at ${new Date(order.expiresAt as number).toISOString()} (7 days after it was authorized) and the order was canceled; it can no longer be captured.`
        : `Order ${order.id} is ${order.status}; only an order in requires_capture can be captured.`,
    )
  }
  if (order.expiresAt !== undefined && now >= order.expiresAt)
    throw new ApiError(
      409,
      'order.cannot-capture',
      `The authorization of order ${order.id} expired at ${new Date(order.expiresAt).toISOString()}; it can no longer be captured.`,
    )
  const remaining = order.amount - capturedAmount(scope, order)
  if (input.amount > remaining)
    throw new ApiError(
      409,
      'payment.excessive-amount',
      `The capture of ${input.amount} exceeds the ${remaining} ${order.currency} left to capture on order ${order.id}.`,
    )
  const fields = input.fields ?? {}
  const payment: Payment = store.insert(mode, 'payment', {
    ...baseFields(newId('payment', mode), mode, now, fields.metadata),
    object: 'payment',
    status: 'processed',
    amount: input.amount,
    currency: order.currency,
    order: order.id,
    lineItems: input.lineItems ?? [],
    ...optional('reference', fields.reference),
    ...optional('description', fields.description),
  })
  const done = input.cancelRemainder !== 'manual' || input.amount === remaining
  const updated = store.update(
    mode,
    'order',
    order.id,
    {
      payments: [...order.payments, payment.id],
      ...(done ? { status: 'succeeded' as const } : {}),
    },
    now,
  )
  return { order: updated, payment }
}

/**
 * Authorizes an order: `requires_capture` for manual capture, or a full automatic capture that
 * leaves it `succeeded`. Emits `order.authorized` (and `payment.created`).
 */
export function authorizeOrder(scope: Scope, order: Order): Order {
  const { mode, store, now } = scope
  if (order.status !== 'requires_authorization')
    throw new ApiError(
      409,
      'order.cannot-authorize',
      `Order ${order.id} is ${order.status}, not requires_authorization.`,
    )
  let updated = store.update(
    mode,
    'order',
    order.id,
    {
      status: 'requires_capture',
      expiresAt: now + AUTHORIZATION_TTL_MS,
    },
    now,
  )
  let payment: Payment | undefined
  if (updated.captureMethod === 'automatic')
    ({ order: updated, payment } = capture(scope, updated, { amount: updated.amount }))
  scope.emit('order.authorized', updated)
  if (payment) scope.emit('payment.created', payment)
  return updated
}

/** Cancels an order in `requires_capture` (the uncaptured part); emits `order.canceled`. */
export function cancelOrder(scope: Scope, order: Order): Order {
  if (order.status !== 'requires_capture')
    throw new ApiError(
      409,
      'order.cannot-cancel',
      `Order ${order.id} is ${order.status}; only an order in requires_capture can be canceled.`,
    )
  const updated = scope.store.update(
    scope.mode,
    'order',
    order.id,
    { status: 'canceled' },
    scope.now,
  )
  scope.emit('order.canceled', updated)
  return updated
}

/**
 * Cancels each order of `mode` whose authorization expired by `now`, as the API does 7 days
 * after authorization: `canceled` as of its `expiresAt`, and `order.canceled` told through
 * `canceled(order)`. Returns the earliest expiry still ahead (`Infinity` when none is).
 */
export function expireAuthorizations(
  store: Store,
  mode: Mode,
  now: number,
  canceled: (order: Order) => void,
): number {
  let next = Number.POSITIVE_INFINITY
  for (const order of store.all(mode, 'order')) {
    const { status, expiresAt } = order
    if (status !== 'requires_capture' || expiresAt === undefined) continue
    if (expiresAt > now) next = Math.min(next, expiresAt)
    else canceled(store.update(mode, 'order', order.id, { status: 'canceled' }, expiresAt))
  }
  return next
}
