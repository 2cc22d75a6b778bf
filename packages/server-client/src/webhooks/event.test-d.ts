import type { IncomingHttpHeaders } from 'node:http'
import { describe, expectTypeOf, it } from 'vitest'
import {
  isWebhookVerificationError,
  signWebhook,
  type UnrecognizedWebhookEvent,
  type VerifiedWebhookEvent,
  type VerifyWebhookOptions,
  verifyWebhook,
  verifyWebhookRequest,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  type WebhookVerificationErrorReason,
} from './index.js'

declare const event: WebhookEvent

describe('WebhookEvent', () => {
  it('narrows the data by eventData.type', () => {
    if (event.eventData.type === 'payment.created') {
      expectTypeOf(event.eventData.data.amount).toEqualTypeOf<number>()
      expectTypeOf(event.eventData.data.currency).toEqualTypeOf<string>()
      expectTypeOf(event.eventData.data.order).toEqualTypeOf<
        string | ({ id: string } & { [key: string]: unknown }) | undefined
      >()
    }
  })

  it('narrows the whole event by type', () => {
    if (event.type === 'refund.created') {
      expectTypeOf(event.event).toEqualTypeOf<'refund.created'>()
      expectTypeOf(event.eventData.type).toEqualTypeOf<'refund.created'>()
      expectTypeOf(event.eventData.data.amount).toEqualTypeOf<number>()
    }
    if (event.type === 'token.used') expectTypeOf(event.eventData.data.status).toBeString()
  })

  it('has no typed amount before narrowing', () => {
    // @ts-expect-error payout and coupon data carry no amount: number
    const amount: number = event.eventData.data.amount
    expectTypeOf(amount).toBeNumber()
  })

  it('keeps payout and merchant-user data as an open record', () => {
    if (event.type === 'payout.paid' || event.type === 'merchant_user.created') {
      expectTypeOf(event.eventData.data).toEqualTypeOf<{ [key: string]: unknown }>()
    }
  })

  it('refuses a type that does not exist', () => {
    // @ts-expect-error 'payment.creatd' is no event type
    if (event.type === 'payment.creatd') return
    // @ts-expect-error only the 20 event types
    expectTypeOf<WebhookEventOf<'order.refunded'>>().toBeNever()
  })

  it('lets a switch be exhaustive', () => {
    const family = (e: WebhookEvent): string => {
      switch (e.type) {
        case 'order.authorized':
        case 'order.rejected':
        case 'order.canceled':
          return e.eventData.data.status
        case 'payment.created':
        case 'refund.created':
          return e.eventData.data.currency
        case 'coupon.created':
        case 'coupon.updated':
        case 'promotion_code.created':
        case 'promotion_code.updated':
        case 'token.created':
        case 'token.approved':
        case 'token.rejected':
        case 'token.deleted':
        case 'token.disabled':
        case 'token.enabled':
        case 'token.used':
          return e.eventData.data.id
        case 'payout.generated':
        case 'payout.paid':
        case 'merchant_user.created':
        case 'merchant_user.password_reset':
          return 'record'
        default:
          return e satisfies never
      }
    }
    expectTypeOf(family).returns.toBeString()
  })

  it('picks events by type with WebhookEventOf', () => {
    type Orders = WebhookEventOf<'order.authorized' | 'order.canceled'>
    expectTypeOf<Orders['type']>().toEqualTypeOf<'order.authorized' | 'order.canceled'>()
    expectTypeOf<WebhookEventOf<WebhookEventType>>().toEqualTypeOf<WebhookEvent>()
  })
})

describe('verifyWebhook', () => {
  it('takes Headers, a plain record or IncomingHttpHeaders', () => {
    expectTypeOf<Headers>().toExtend<VerifyWebhookOptions['headers']>()
    expectTypeOf<IncomingHttpHeaders>().toExtend<VerifyWebhookOptions['headers']>()
    expectTypeOf<Record<string, string>>().toExtend<VerifyWebhookOptions['headers']>()
    expectTypeOf<Record<string, number>>().not.toExtend<VerifyWebhookOptions['headers']>()
  })

  it('takes one secret, a list or a lookup function', () => {
    expectTypeOf<'s'>().toExtend<VerifyWebhookOptions['signingSecret']>()
    expectTypeOf<string[]>().toExtend<VerifyWebhookOptions['signingSecret']>()
    expectTypeOf<(id: string) => Promise<string>>().toExtend<
      VerifyWebhookOptions['signingSecret']
    >()
    expectTypeOf<(id: string) => number>().not.toExtend<VerifyWebhookOptions['signingSecret']>()
  })

  it('turns the tolerance off with false, not true', () => {
    const base = { body: '', headers: {}, signingSecret: 's' }
    expectTypeOf(
      verifyWebhook({ ...base, toleranceMs: false }),
    ).resolves.toEqualTypeOf<VerifiedWebhookEvent>()
    // @ts-expect-error true is not a tolerance
    void verifyWebhook({ ...base, toleranceMs: true })
    // @ts-expect-error a parsed body is not a raw body
    void verifyWebhook({ ...base, body: { id: 'evt_1' } })
  })

  it('has a Request form that returns the same event', () => {
    expectTypeOf(verifyWebhookRequest).returns.resolves.toEqualTypeOf<VerifiedWebhookEvent>()
    expectTypeOf(signWebhook).returns.resolves.toHaveProperty('headers')
  })
})

declare const verified: VerifiedWebhookEvent

describe('VerifiedWebhookEvent', () => {
  it('narrows to an understood event by type, as WebhookEvent does', () => {
    if (verified.type === 'order.authorized') {
      expectTypeOf(verified.eventData.data.amount).toEqualTypeOf<number>()
      expectTypeOf(verified.understood).toEqualTypeOf<true>()
    }
    if (verified.type !== undefined) expectTypeOf(verified).toExtend<WebhookEvent>()
  })

  it('narrows to the unrecognized view by understood', () => {
    if (!verified.understood) {
      expectTypeOf(verified).toEqualTypeOf<UnrecognizedWebhookEvent>()
      expectTypeOf(verified.json).toBeUnknown()
      expectTypeOf(verified.eventType).toEqualTypeOf<string | undefined>()
      expectTypeOf(verified.issues).toEqualTypeOf<readonly string[]>()
    } else {
      expectTypeOf(verified.eventData.type).toEqualTypeOf<WebhookEventType>()
    }
  })

  it('makes a switch on type handle the unrecognized case too', () => {
    const route = (e: VerifiedWebhookEvent): string => {
      switch (e.type) {
        case undefined:
          return e.eventType ?? 'not json'
        default:
          return e.type
      }
    }
    expectTypeOf(route).returns.toBeString()
  })

  it('has no eventData before narrowing', () => {
    // @ts-expect-error an unrecognized event has only json
    void verified.eventData
  })
})

describe('isWebhookVerificationError', () => {
  it('narrows to an error with a typed reason', () => {
    const error: unknown = new Error()
    if (isWebhookVerificationError(error)) {
      expectTypeOf(error.reason).toEqualTypeOf<WebhookVerificationErrorReason>()
      // @ts-expect-error no such reason
      if (error.reason === 'expired') return
      // @ts-expect-error never thrown: an authentic body is returned, whatever it holds
      if (error.reason === 'malformed-body') return
    }
  })
})
