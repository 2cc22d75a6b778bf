import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { WEBHOOK_EVENT_TYPES, WebhookEventSchema, type WebhookEventType } from './event.js'
import sdk from './sdk-vectors.json'

/** The official payment.created event: the documented shape, without a top-level `event`. */
const documented = JSON.parse(sdk.delivery.body) as Record<string, unknown> & {
  eventData: Record<string, unknown> & { data: Record<string, unknown> }
}

const withType = (type: string, data: Record<string, unknown>, extra: object = {}) => ({
  ...documented,
  ...extra,
  eventData: { ...documented.eventData, type, data },
})

const issues = (input: unknown) => {
  const result = v.safeParse(WebhookEventSchema, input)
  return result.success ? '' : v.summarize(result.issues)
}

const anyObject: Record<string, unknown> = {
  id: 'x_test_1',
  object: 'x',
  status: 'active',
  amount: 1,
  currency: 'JPY',
}

describe('WebhookEventSchema', () => {
  it('sets type and event from eventData.type when there is no top-level event', () => {
    const event = v.parse(WebhookEventSchema, documented)
    expect(event.type).toBe('payment.created')
    expect(event.event).toBe('payment.created')
    expect(event.eventData.type).toBe('payment.created')
  })

  it('takes the type from event when eventData.type names only the family', () => {
    const event = v.parse(
      WebhookEventSchema,
      withType('order', anyObject, { event: 'order.canceled' }),
    )
    expect(event.type).toBe('order.canceled')
    expect(event.eventData.type).toBe('order.canceled')
  })

  it('refuses an eventData.type that contradicts event', () => {
    expect(issues(withType('payment.created', anyObject, { event: 'order.canceled' }))).toContain(
      'eventData.type "payment.created" contradicts event "order.canceled"',
    )
    expect(issues(withType('payment', anyObject, { event: 'order.canceled' }))).toContain(
      'contradicts',
    )
  })

  it.each([
    ['eventData.type', withType('order.refunded', anyObject)],
    ['event', withType('order', anyObject, { event: 'order.refunded' })],
    ['a bare family name', withType('order', anyObject)],
  ])('refuses an unknown type in %s', (_, input) => {
    expect(issues(input)).toMatch(/unknown event type "order(\.refunded)?"/)
  })

  it.each(WEBHOOK_EVENT_TYPES)('parses a %s event', (type: WebhookEventType) => {
    expect(v.parse(WebhookEventSchema, withType(type, anyObject)).type).toBe(type)
  })

  it('keeps fields it does not know at every level', () => {
    const input = withType('token.used', { ...anyObject, expiresAt: 5 }, { livemode: false })
    const event = v.parse(WebhookEventSchema, {
      ...input,
      eventData: { ...input.eventData, attempt: 2 },
    })
    expect(event).toMatchObject({
      livemode: false,
      eventData: { attempt: 2, data: { expiresAt: 5 } },
    })
  })

  it('gives the same event when parsing its own output', () => {
    const once = v.parse(WebhookEventSchema, documented)
    expect(v.parse(WebhookEventSchema, once)).toEqual(once)
  })

  it('accepts any object as payout and merchant-user data', () => {
    expect(v.parse(WebhookEventSchema, withType('payout.paid', {})).eventData.data).toEqual({})
    expect(issues(withType('merchant_user.created', { email: 'a@b.jp' }))).toBe('')
  })

  it('accepts an event without version, as the shared vector has', () => {
    const { version: _, ...eventData } = documented.eventData
    expect(
      v.parse(WebhookEventSchema, { ...documented, eventData }).eventData.version,
    ).toBeUndefined()
  })

  it.each([
    ['an id without evt_', { id: 'event_test_1' }, 'Expected "evt_"'],
    ['another object', { object: 'order' }, 'at object'],
    ['a createdAt string', { createdAt: '1653028523052' }, 'at createdAt'],
    ['no test flag', { test: undefined }, 'at test'],
  ])('refuses an envelope with %s', (_, change, message) => {
    expect(issues({ ...documented, ...change })).toContain(message)
  })

  it.each([
    ['payment.created', 'amount'],
    ['refund.created', 'amount'],
    ['order.authorized', 'status'],
    ['token.approved', 'status'],
    ['coupon.created', 'id'],
    ['promotion_code.updated', 'object'],
  ])('refuses %s data without %s', (type, field) => {
    const { [field]: _, ...data } = anyObject
    expect(issues(withType(type, data))).toContain(`at eventData.data.${field}`)
  })

  it('refuses data whose amount is not a number', () => {
    expect(issues(withType('payment.created', { ...anyObject, amount: '200' }))).toContain(
      'at eventData.data.amount',
    )
  })
})
