import { describe, expectTypeOf, it } from 'vitest'
import {
  createWebhookHandler,
  type UnrecognizedWebhookEvent,
  type WebhookEventOf,
} from './index.js'

describe('createWebhookHandler', () => {
  it('gives each function the event of its type', () => {
    createWebhookHandler({
      signingSecret: 's',
      on: {
        'order.authorized': (event) => {
          expectTypeOf(event.type).toEqualTypeOf<'order.authorized'>()
          expectTypeOf(event.eventData.data.status).toBeString()
        },
        'refund.created': async (event, { request }) => {
          expectTypeOf(event.eventData.data.amount).toBeNumber()
          expectTypeOf(request).toEqualTypeOf<Request>()
        },
      },
      unrecognized: (event) => {
        expectTypeOf(event).toEqualTypeOf<UnrecognizedWebhookEvent>()
      },
    })
  })

  it('refuses a type that does not exist, and a function for the wrong type', () => {
    createWebhookHandler({
      signingSecret: 's',
      // @ts-expect-error 'order.authorised' is no event type
      on: { 'order.authorised': () => {} },
    })
    createWebhookHandler({
      signingSecret: 's',
      on: {
        // @ts-expect-error a coupon event has no amount: number
        'coupon.created': (event: WebhookEventOf<'refund.created'>) => event,
      },
    })
  })

  it('is a Fetch handler', () => {
    const handler = createWebhookHandler({ signingSecret: 's', on: {} })
    expectTypeOf(handler).toEqualTypeOf<(request: Request) => Promise<Response>>()
  })
})
