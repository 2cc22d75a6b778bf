import { describe, expect, it } from 'vitest'
import { type ServerClient, ValidationError } from '../src/index.js'
import * as f from './fixtures.js'
import { type Call, clientFor, expectRefused, failure, LIVE_KEY, useServer } from './support.js'

const { ids } = f
const ctx = useServer()

const refused = async (call: Call, field: string) => {
  await expectRefused(ctx.server, call, field)
}

// Loosely typed so the tests can pass what TypeScript would refuse, as a JavaScript caller may.
// biome-ignore lint/suspicious/noExplicitAny: deliberately wrong inputs
type Loose = any

describe('path ids are checked', () => {
  const calls: [string, Call][] = [
    ['checkoutSessions.retrieve', (c) => c.checkoutSessions.retrieve(ids.order)],
    ['orders.retrieve', (c) => c.orders.retrieve(ids.payment)],
    ['orders.cancel', (c) => c.orders.cancel('order_test_')],
    ['payments.retrieve', (c) => c.payments.retrieve(ids.order)],
    ['payments.update', (c) => c.payments.update(`${ids.payment}/../x`, {})],
    ['refunds.retrieve', (c) => c.refunds.retrieve('refund_prod_abc')],
    ['refunds.update', (c) => c.refunds.update(ids.payment, {})],
    ['webhookEndpoints.retrieve', (c) => c.webhookEndpoints.retrieve('webhook_endpoint_test_a')],
    ['webhookEndpoints.update', (c) => c.webhookEndpoints.update(ids.coupon, {})],
    ['webhookEndpoints.delete', (c) => c.webhookEndpoints.delete('')],
    ['coupons.retrieve', (c) => c.coupons.retrieve(ids.promotionCode)],
    ['coupons.update', (c) => c.coupons.update('coupon_test_a.b', {})],
    ['promotionCodes.retrieve', (c) => c.promotionCodes.retrieve('promotion_code_test_a')],
    ['promotionCodes.update', (c) => c.promotionCodes.update(ids.coupon, {})],
    ['tokens.retrieve', (c) => c.tokens.retrieve('token_test_a')],
    ['tokens.enable', (c) => c.tokens.enable(ids.order)],
    ['tokens.disable', (c) => c.tokens.disable(' paytok_test_a')],
    ['tokens.delete', (c) => c.tokens.delete(undefined as Loose)],
  ]
  it.each(calls)('%s refuses an id of the wrong shape', (_, call) => refused(call, 'id'))

  it.each([
    ['orders.retrieve', (c: ServerClient) => c.orders.retrieve('order_live_abc')],
    ['tokens.delete', (c: ServerClient) => c.tokens.delete('paytok_live_abc')],
    [
      'checkoutSessions.retrieve',
      (c: ServerClient) => c.checkoutSessions.retrieve('checkout_live_a.b'),
    ],
  ])('%s refuses an id of the other mode', (_, call) => refused(call, 'id'))

  it('a live key refuses test ids the same way', async () => {
    const live = clientFor(ctx.server, { secretKey: LIVE_KEY })
    const error = await failure(live.orders.retrieve(ids.order))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toMatch(/a test-mode id, but this client uses a live-mode key/)
    expect(ctx.server.requests).toHaveLength(0)
  })

  it('rejects rather than throws, so .catch() sees it', async () => {
    const promise = clientFor(ctx.server).orders.retrieve('nope')
    await expect(promise).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('queries are checked', () => {
  it.each([
    [
      'an unknown expand',
      (c: ServerClient) => c.orders.retrieve(ids.order, { expand: 'yes' } as Loose),
      'expand',
    ],
    ['maxResults 0', (c: ServerClient) => c.orders.list({ maxResults: 0 }), 'maxResults'],
    [
      'expand on a list without it',
      (c: ServerClient) => c.tokens.list({ expand: 'all' } as Loose),
      'expand',
    ],
  ])('%s', (_, call, field) => refused(call, field))
})
