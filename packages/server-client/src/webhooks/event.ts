import * as v from 'valibot'

/** Every event type Smartpay delivers (API reference, "The event object"). */
export const WEBHOOK_EVENT_TYPES = [
  'order.authorized',
  'order.rejected',
  'order.canceled',
  'payment.created',
  'refund.created',
  'payout.generated',
  'payout.paid',
  'coupon.created',
  'coupon.updated',
  'promotion_code.created',
  'promotion_code.updated',
  'merchant_user.created',
  'merchant_user.password_reset',
  'token.created',
  'token.approved',
  'token.rejected',
  'token.deleted',
  'token.disabled',
  'token.enabled',
  'token.used',
] as const

/** One of the 20 event types, e.g. `'payment.created'`. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

// The objects an event carries. Only the fields a handler keys on are checked; everything else
// passes through untouched, so a field Smartpay adds later never breaks verification.
const idOrObject = v.union([v.string(), v.looseObject({ id: v.string() })])

const OrderData = v.looseObject({
  id: v.string(),
  object: v.string(),
  status: v.string(),
  amount: v.number(),
  currency: v.string(),
  reference: v.optional(v.string()),
})
const PaymentData = v.looseObject({
  id: v.string(),
  object: v.string(),
  status: v.string(),
  amount: v.number(),
  currency: v.string(),
  order: v.optional(idOrObject),
  reference: v.optional(v.string()),
})
const RefundData = v.looseObject({
  id: v.string(),
  object: v.string(),
  status: v.string(),
  amount: v.number(),
  currency: v.string(),
  payment: v.optional(idOrObject),
  reason: v.optional(v.string()),
})
const CouponData = v.looseObject({
  id: v.string(),
  object: v.string(),
  name: v.optional(v.string()),
  active: v.optional(v.boolean()),
  discountType: v.optional(v.string()),
})
const PromotionCodeData = v.looseObject({
  id: v.string(),
  object: v.string(),
  code: v.optional(v.string()),
  coupon: v.optional(idOrObject),
  active: v.optional(v.boolean()),
})
const TokenData = v.looseObject({ id: v.string(), object: v.string(), status: v.string() })
// No stored source shows payout or merchant-user payloads, so nothing is assumed about them.
const UnknownData = v.record(v.string(), v.unknown())

function eventOf<const T extends WebhookEventType, const D extends v.GenericSchema>(
  type: T,
  data: D,
) {
  const literal = v.literal(type)
  return v.looseObject({
    id: v.pipe(v.string(), v.startsWith('evt_')),
    object: v.literal('event'),
    createdAt: v.number(),
    test: v.boolean(),
    type: literal,
    event: literal,
    eventData: v.looseObject({ type: literal, version: v.optional(v.string()), data }),
  })
}

/** True for one of {@link WEBHOOK_EVENT_TYPES}. */
export const isEventType = (value: unknown): value is WebhookEventType =>
  (WEBHOOK_EVENT_TYPES as readonly unknown[]).includes(value)

const KNOWN = `known types: ${WEBHOOK_EVENT_TYPES.join(', ')}`

/**
 * Parses a Smartpay event, with or without the top-level `event` field, into a
 * {@link WebhookEvent}: `type`, `event` and `eventData.type` all hold the full event type.
 */
export const WebhookEventSchema = v.pipe(
  v.looseObject({
    event: v.optional(v.string()),
    eventData: v.looseObject({ type: v.string() }),
  }),
  // Deliveries name the type in two places: the top-level `event` (sandbox and shared vector)
  // and `eventData.type` (the only one in the documented shape). The vector's `eventData.type`
  // is the family name (`order` beside `event: 'order.authorized'`), so accept that too.
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const raw = dataset.value
    const inner = raw.eventData.type
    const top = raw.event
    let type: WebhookEventType | undefined
    if (top === undefined) {
      if (isEventType(inner)) type = inner
      else addIssue({ message: `unknown event type "${inner}" in eventData.type (${KNOWN})` })
    } else if (!isEventType(top)) {
      addIssue({ message: `unknown event type "${top}" in event (${KNOWN})` })
    } else if (inner === top || inner === top.slice(0, top.indexOf('.'))) {
      type = top
    } else {
      addIssue({ message: `eventData.type "${inner}" contradicts event "${top}"` })
    }
    if (type === undefined) return NEVER
    return { ...raw, type, event: type, eventData: { ...raw.eventData, type } }
  }),
  v.variant('type', [
    eventOf('order.authorized', OrderData),
    eventOf('order.rejected', OrderData),
    eventOf('order.canceled', OrderData),
    eventOf('payment.created', PaymentData),
    eventOf('refund.created', RefundData),
    eventOf('payout.generated', UnknownData),
    eventOf('payout.paid', UnknownData),
    eventOf('coupon.created', CouponData),
    eventOf('coupon.updated', CouponData),
    eventOf('promotion_code.created', PromotionCodeData),
    eventOf('promotion_code.updated', PromotionCodeData),
    eventOf('merchant_user.created', UnknownData),
    eventOf('merchant_user.password_reset', UnknownData),
    eventOf('token.created', TokenData),
    eventOf('token.approved', TokenData),
    eventOf('token.rejected', TokenData),
    eventOf('token.deleted', TokenData),
    eventOf('token.disabled', TokenData),
    eventOf('token.enabled', TokenData),
    eventOf('token.used', TokenData),
  ]),
)

/**
 * A verified Smartpay event, narrowed by `type` (or `eventData.type`): after
 * `if (event.type === 'payment.created')`, `event.eventData.data` is the payment.
 */
export type WebhookEvent = v.InferOutput<typeof WebhookEventSchema>

/** The event of one type, or of several: `WebhookEventOf<'order.authorized' | 'order.canceled'>`. */
export type WebhookEventOf<T extends WebhookEventType> = Extract<WebhookEvent, { type: T }>
