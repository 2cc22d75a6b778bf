import { EVENT_TYPES as SANDBOX_EVENT_TYPES } from '@smartpay-kit/sandbox'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { EventTypeSchema } from '../src/index.js'
import { WEBHOOK_EVENT_TYPES } from '../src/webhooks/index.js'

// The 20 event types as the API documentation lists them (the-event-object; the Go, Ruby and
// PHP SDKs agree), copied here by hand so that this list and the code's cannot drift together.
const DOCUMENTED = [
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
]

const sorted = (types: readonly string[]) => [...types].sort()

describe('event types', () => {
  it('webhooks know exactly the documented 20 types', () => {
    expect(sorted(WEBHOOK_EVENT_TYPES)).toEqual(sorted(DOCUMENTED))
  })

  it('webhook subscriptions accept each documented type and nothing else', () => {
    for (const type of DOCUMENTED) expect(v.is(EventTypeSchema, type)).toBe(true)
    expect(sorted(EventTypeSchema.options)).toEqual(sorted(DOCUMENTED))
    expect(v.is(EventTypeSchema, 'order.authorised')).toBe(false)
  })

  it('agree with the sandbox, which lists them independently', () => {
    expect(sorted(SANDBOX_EVENT_TYPES)).toEqual(sorted(WEBHOOK_EVENT_TYPES))
  })
})
