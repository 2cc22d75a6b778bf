import { describe, expect, it } from 'vitest'
import { createServerClient, type ServerClient, ValidationError } from '../src/index.js'
import * as f from './fixtures.js'
import { clientFor, failure, KEY, useServer } from './support.js'

// Code ported from @smartpay/sdk-node by hand passes that SDK's shapes. Each is refused before
// any request, with the fix named: never `extraBody`, which would send an idempotency key or a
// token session's `mode` in the body of the wrong call.

const { ids } = f
const ctx = useServer()
// biome-ignore lint/suspicious/noExplicitAny: the official SDK's shapes, which TypeScript refuses
type Loose = any

async function refusal(call: (client: ServerClient) => PromiseLike<unknown>) {
  const error = await failure(call(clientFor(ctx.server)))
  expect(error).toBeInstanceOf(ValidationError)
  expect(error.message).toContain('Nothing was sent')
  expect(ctx.server.requests).toHaveLength(0)
  return error as ValidationError
}

describe('an idempotencyKey in the params, where the official SDK took it', () => {
  it.each([
    [
      'checkoutSessions.create',
      (c: ServerClient) =>
        c.checkoutSessions.create({ ...f.checkoutParams, idempotencyKey: 'k1' } as Loose),
    ],
    [
      'orders.create',
      (c: ServerClient) => c.orders.create({ ...f.orderParams, idempotencyKey: 'k1' } as Loose),
    ],
    [
      'payments.create',
      (c: ServerClient) =>
        c.payments.create({
          order: ids.order,
          amount: 100,
          currency: 'JPY',
          idempotencyKey: 'k1',
        } as Loose),
    ],
    [
      'refunds.create',
      (c: ServerClient) =>
        c.refunds.create({
          payment: ids.payment,
          amount: 100,
          currency: 'JPY',
          reason: 'fraudulent',
          idempotencyKey: 'k1',
        } as Loose),
    ],
    [
      'coupons.create',
      (c: ServerClient) =>
        c.coupons.create({
          name: 'S',
          discountType: 'percentage',
          discountPercentage: 5,
          idempotencyKey: 'k1',
        } as Loose),
    ],
  ])('%s names the call options, not extraBody', async (_name, call) => {
    const error = await refusal(call)
    expect(error.field).toBe('idempotencyKey')
    expect(error.message).toContain(
      'goes in the call options, the last argument, as in create(params, { idempotencyKey })',
    )
    expect(error.message).toContain('Idempotency-Key header, never in the body')
    expect(error.message).not.toContain('extraBody')
  })
})

describe("mode: 'token' on checkoutSessions.create", () => {
  it('names createForToken, not extraBody', async () => {
    const error = await refusal((c) =>
      c.checkoutSessions.create({ ...f.checkoutParams, mode: 'token' } as Loose),
    )
    expect(error.field).toBe('mode')
    expect(error.message).toContain('checkoutSessions.createForToken(params)')
    expect(error.message).not.toContain('extraBody')
  })

  it('leaves another mode to the usual unknown-field text', async () => {
    const error = await refusal((c) =>
      c.checkoutSessions.create({ ...f.checkoutParams, mode: 'subscription' } as Loose),
    )
    expect(error.message).not.toContain('createForToken')
    expect(error.message).toContain('extraBody')
  })
})

describe('the official README’s flat shipping and legacy customer', () => {
  it('names shippingInfo for shipping', async () => {
    const { shippingInfo: _, ...rest } = f.checkoutParams
    const error = await refusal((c) =>
      c.checkoutSessions.create({ ...rest, shipping: f.address } as Loose),
    )
    expect(error.message).toContain(
      'shipping: unknown field: the address goes in "shippingInfo": { address: { line1, locality, postalCode, country }',
    )
    expect(error.message).not.toContain('extraBody')
  })

  it('names shippingInfo on orders.create too', async () => {
    const { shippingInfo: _, ...rest } = f.orderParams
    const error = await refusal((c) => c.orders.create({ ...rest, shipping: f.address } as Loose))
    expect(error.message).toContain('"shippingInfo"')
  })

  it('names customerInfo for customer, and emailAddress for its email alias', async () => {
    const { customerInfo: _, ...rest } = f.checkoutParams
    const legacy = await refusal((c) =>
      c.checkoutSessions.create({ ...rest, customer: { emailAddress: 'a@b.jp' } } as Loose),
    )
    expect(legacy.message).toContain('the shopper goes in "customerInfo"')
    const alias = await refusal((c) =>
      c.checkoutSessions.create({
        ...f.checkoutParams,
        customerInfo: { email: 'a@b.jp' },
      } as Loose),
    )
    expect(alias.message).toContain(
      'customerInfo.email: unknown field: did you mean "emailAddress"?',
    )
  })

  it('says the key decides the mode, for test: true', async () => {
    const error = await refusal((c) =>
      c.checkoutSessions.create({ ...f.checkoutParams, test: true } as Loose),
    )
    expect(error.message).toContain('the key decides the mode')
    expect(error.message).not.toContain('extraBody')
  })
})

describe("the official constants' misspelt 'autommatic'", () => {
  it.each([
    [
      'captureMethod',
      (c: ServerClient) =>
        c.checkoutSessions.create({ ...f.checkoutParams, captureMethod: 'autommatic' } as Loose),
    ],
    [
      'cancelRemainder',
      (c: ServerClient) =>
        c.payments.create({
          order: ids.order,
          amount: 100,
          currency: 'JPY',
          cancelRemainder: 'autommatic',
        } as Loose),
    ],
  ])('names the right spelling for %s', async (field, call) => {
    const error = await refusal(call)
    expect(error.field).toBe(field)
    expect(error.message).toContain("use 'automatic'")
  })
})

describe('{ id } where an id goes (getOrder({ id }) and its siblings)', () => {
  it.each([
    ['orders.retrieve', (c: ServerClient) => c.orders.retrieve({ id: ids.order } as Loose)],
    ['orders.cancel', (c: ServerClient) => c.orders.cancel({ id: ids.order } as Loose)],
    [
      'checkoutSessions.retrieve',
      (c: ServerClient) => c.checkoutSessions.retrieve({ id: ids.checkout } as Loose),
    ],
    ['payments.retrieve', (c: ServerClient) => c.payments.retrieve({ id: ids.payment } as Loose)],
    ['refunds.retrieve', (c: ServerClient) => c.refunds.retrieve({ id: ids.refund } as Loose)],
    ['coupons.retrieve', (c: ServerClient) => c.coupons.retrieve({ id: ids.coupon } as Loose)],
    [
      'promotionCodes.retrieve',
      (c: ServerClient) => c.promotionCodes.retrieve({ id: ids.promotionCode } as Loose),
    ],
    [
      'webhookEndpoints.delete',
      (c: ServerClient) => c.webhookEndpoints.delete({ id: ids.webhookEndpoint } as Loose),
    ],
    ['tokens.enable', (c: ServerClient) => c.tokens.enable({ id: ids.token } as Loose)],
    ['tokens.disable', (c: ServerClient) => c.tokens.disable({ id: ids.token } as Loose)],
    ['tokens.delete', (c: ServerClient) => c.tokens.delete({ id: ids.token } as Loose)],
  ])('%s says to pass the id itself, not "got a object"', async (_name, call) => {
    const error = await refusal(call)
    expect(error.field).toBe('id')
    expect(error.message).toContain(
      'got an object. Pass the id itself as the first argument: (params.id)',
    )
    expect(error.message).not.toContain('a object')
  })

  it('on an update, says where the other fields go', async () => {
    const error = await refusal((c) =>
      c.payments.update({ id: ids.payment, reference: 'R-1' } as Loose, undefined as Loose),
    )
    expect(error.message).toContain(
      'Pass the id itself as the first argument and the other fields as the second: (params.id, { reference })',
    )
  })

  it('names an id left inside the params of an update', async () => {
    const error = await refusal((c) =>
      c.refunds.update(ids.refund, { id: ids.refund, reference: 'R-1' } as Loose),
    )
    expect(error.message).toContain('the id is the first argument')
  })
})

describe("request() with the official SDK's request(endpoint, { params, payload })", () => {
  it('refuses a path and options, naming the one-object shape', async () => {
    const error = await refusal((c) => c.request('/payouts' as Loose))
    expect(error.message).toContain('expected one object, { method, path, query?, body? }')
  })

  it.each([
    ['params', 'the query goes in "query"'],
    ['payload', 'the JSON body goes in "body"'],
    ['idempotencyKey', 'request(spec, { idempotencyKey })'],
    ['retries', 'request(spec, { maxRetries })'],
  ])('names the fix for %s', async (field, fix) => {
    const error = await refusal((c) =>
      c.request({ method: 'POST', path: '/payouts', [field]: {} } as Loose),
    )
    expect(error.field).toBe(field)
    expect(error.message).toContain(fix)
  })
})

describe("the official constructor's shapes", () => {
  it('refuses the key in place of options, showing only its fingerprint', () => {
    expect(() => createServerClient(KEY as Loose)).toThrow(
      'createServerClient takes options, not the key itself (sk_test_…1taz) as new Smartpay(key) did',
    )
    try {
      createServerClient(KEY as Loose)
    } catch (error) {
      expect((error as Error).message).not.toContain(KEY)
    }
  })

  it.each([
    ['apiPrefix', 'the API root is "baseUrl" here'],
    ['publicKey', 'give it to createPublicClient in the browser'],
  ])('names the fix for the %s option', (option, fix) => {
    expect(() =>
      createServerClient({ secretKey: KEY, [option]: 'https://api.smartpay.co/v1' } as Loose),
    ).toThrow(fix)
  })
})
