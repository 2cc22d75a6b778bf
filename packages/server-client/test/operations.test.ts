import { describe, expect, it } from 'vitest'
import type { Reply } from '../../../testing/httpsServer.js'
import {
  BadRequestError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  type ServerClient,
  type SmartpayError,
} from '../src/index.js'
import { SERVER_OPERATIONS } from '../src/resources/operations.js'
import * as f from './fixtures.js'
import { BASIC, clientFor, failure, only, UUID, useServer } from './support.js'

const { ids } = f

// One row per API operation (smartpay-api.md §2.1): a long table on purpose, so that each
// operation's wire format can be read and reviewed in one place.

interface Operation {
  /** `resource.method`, as the test title. */
  name: string
  call: (client: ServerClient) => PromiseLike<unknown>
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  query?: Record<string, string>
  /** The JSON body expected on the wire; absent for calls without one. */
  body?: unknown
  reply: Reply
  /** What the call resolves to. */
  result: unknown
  /** A documented failure of this operation, and the class it must map to. */
  error: { status: number; code: string; type: typeof SmartpayError }
}

const page = { maxResults: 2, pageToken: 'tok_2', expand: 'all' } as const
const pageQuery = { maxResults: '2', pageToken: 'tok_2', expand: 'all' }
const plainPage = { maxResults: 2, pageToken: 'tok_2' } as const
const plainPageQuery = { maxResults: '2', pageToken: 'tok_2' }
const own = { reference: 'ORD-1', description: 'Spring order', metadata: { shop: 'tokyo' } }
const notFound = (code: string) => ({ status: 404, code, type: NotFoundError })
const invalid = { status: 400, code: 'request.invalid', type: BadRequestError }
const ok = (json: unknown): Reply => ({ json })

const operations: Operation[] = [
  {
    name: 'checkoutSessions.create',
    call: (c) => c.checkoutSessions.create(f.checkoutParams),
    method: 'POST',
    path: '/v1/checkout-sessions',
    body: f.checkoutParams,
    reply: ok(f.checkoutSession),
    result: f.checkoutSession,
    error: invalid,
  },
  {
    name: 'checkoutSessions.createForToken',
    call: (c) =>
      c.checkoutSessions.createForToken({
        customerInfo: { emailAddress: 'hanako@example.com' },
        successUrl: 'https://shop.example/thanks',
        cancelUrl: 'https://shop.example/cart',
        locale: 'ja',
      }),
    method: 'POST',
    path: '/v1/checkout-sessions',
    body: {
      mode: 'token',
      customerInfo: { emailAddress: 'hanako@example.com' },
      successUrl: 'https://shop.example/thanks',
      cancelUrl: 'https://shop.example/cart',
      locale: 'ja',
    },
    reply: ok({ ...f.checkoutSession, order: undefined, token: f.token }),
    result: { ...f.checkoutSession, order: undefined, token: f.token },
    error: invalid,
  },
  {
    name: 'checkoutSessions.list',
    call: (c) => c.checkoutSessions.list(page),
    method: 'GET',
    path: '/v1/checkout-sessions',
    query: pageQuery,
    reply: ok(f.collection([f.checkoutSession])),
    result: f.collection([f.checkoutSession]),
    error: invalid,
  },
  {
    name: 'checkoutSessions.retrieve',
    call: (c) => c.checkoutSessions.retrieve(ids.checkout, { expand: 'all' }),
    method: 'GET',
    path: `/v1/checkout-sessions/${ids.checkout}`,
    query: { expand: 'all' },
    reply: ok(f.checkoutSession),
    result: f.checkoutSession,
    error: notFound('checkout-session.not-found'),
  },
  {
    name: 'orders.create',
    call: (c) => c.orders.create(f.orderParams),
    method: 'POST',
    path: '/v1/orders',
    body: f.orderParams,
    reply: ok(f.order),
    result: f.order,
    error: { status: 400, code: 'token.invalid', type: BadRequestError },
  },
  {
    name: 'orders.list',
    call: (c) => c.orders.list(page),
    method: 'GET',
    path: '/v1/orders',
    query: pageQuery,
    reply: ok(f.collection([f.order])),
    result: f.collection([f.order]),
    error: invalid,
  },
  {
    name: 'orders.retrieve',
    call: (c) => c.orders.retrieve(ids.order),
    method: 'GET',
    path: `/v1/orders/${ids.order}`,
    reply: ok(f.order),
    result: f.order,
    error: notFound('order.not-found'),
  },
  {
    name: 'orders.cancel',
    call: (c) => c.orders.cancel(ids.order),
    method: 'PUT',
    path: `/v1/orders/${ids.order}/cancellation`,
    reply: ok({ ...f.order, status: 'canceled' }),
    result: { ...f.order, status: 'canceled' },
    error: { status: 409, code: 'order.cannot-cancel', type: ConflictError },
  },
  {
    name: 'payments.create',
    call: (c) =>
      c.payments.create({
        order: ids.order,
        amount: 2400,
        currency: 'JPY',
        cancelRemainder: 'manual',
        lineItems: ['li_test_1'],
        ...own,
      }),
    method: 'POST',
    path: '/v1/payments',
    body: {
      order: ids.order,
      amount: 2400,
      currency: 'JPY',
      cancelRemainder: 'manual',
      lineItems: ['li_test_1'],
      ...own,
    },
    reply: ok(f.payment),
    result: f.payment,
    error: { status: 409, code: 'order.cannot-capture', type: ConflictError },
  },
  {
    name: 'payments.list',
    call: (c) => c.payments.list(page),
    method: 'GET',
    path: '/v1/payments',
    query: pageQuery,
    reply: ok(f.collection([f.payment])),
    result: f.collection([f.payment]),
    error: invalid,
  },
  {
    name: 'payments.retrieve',
    call: (c) => c.payments.retrieve(ids.payment, { expand: 'no' }),
    method: 'GET',
    path: `/v1/payments/${ids.payment}`,
    query: { expand: 'no' },
    reply: ok(f.payment),
    result: f.payment,
    error: notFound('payment.not-found'),
  },
  {
    name: 'payments.update',
    call: (c) => c.payments.update(ids.payment, own),
    method: 'PATCH',
    path: `/v1/payments/${ids.payment}`,
    body: own,
    reply: ok({ ...f.payment, ...own }),
    result: { ...f.payment, ...own },
    error: notFound('payment.not-found'),
  },
  {
    name: 'refunds.create',
    call: (c) =>
      c.refunds.create({
        payment: ids.payment,
        amount: 1200,
        currency: 'JPY',
        reason: 'requested_by_customer',
      }),
    method: 'POST',
    path: '/v1/refunds',
    body: { payment: ids.payment, amount: 1200, currency: 'JPY', reason: 'requested_by_customer' },
    reply: ok(f.refund),
    result: f.refund,
    error: { status: 403, code: 'amount.insufficient', type: PermissionDeniedError },
  },
  {
    name: 'refunds.list',
    call: (c) => c.refunds.list(page),
    method: 'GET',
    path: '/v1/refunds',
    query: pageQuery,
    reply: ok(f.collection([f.refund])),
    result: f.collection([f.refund]),
    error: invalid,
  },
  {
    name: 'refunds.retrieve',
    call: (c) => c.refunds.retrieve(ids.refund),
    method: 'GET',
    path: `/v1/refunds/${ids.refund}`,
    reply: ok(f.refund),
    result: f.refund,
    error: notFound('refund.not-found'),
  },
  {
    name: 'refunds.update',
    call: (c) => c.refunds.update(ids.refund, { metadata: { ticket: 'T-1' } }),
    method: 'PATCH',
    path: `/v1/refunds/${ids.refund}`,
    body: { metadata: { ticket: 'T-1' } },
    reply: ok(f.refund),
    result: f.refund,
    error: notFound('refund.not-found'),
  },
  {
    name: 'webhookEndpoints.create',
    call: (c) =>
      c.webhookEndpoints.create({
        url: 'https://shop.example/webhooks',
        eventSubscriptions: ['order.authorized', 'payment.created'],
        description: 'Orders',
      }),
    method: 'POST',
    path: '/v1/webhook-endpoints',
    body: {
      url: 'https://shop.example/webhooks',
      eventSubscriptions: ['order.authorized', 'payment.created'],
      description: 'Orders',
    },
    reply: ok(f.webhookEndpoint),
    result: f.webhookEndpoint,
    error: invalid,
  },
  {
    name: 'webhookEndpoints.list',
    call: (c) => c.webhookEndpoints.list(plainPage),
    method: 'GET',
    path: '/v1/webhook-endpoints',
    query: plainPageQuery,
    reply: ok(f.collection([f.webhookEndpoint])),
    result: f.collection([f.webhookEndpoint]),
    error: invalid,
  },
  {
    name: 'webhookEndpoints.retrieve',
    call: (c) => c.webhookEndpoints.retrieve(ids.webhookEndpoint),
    method: 'GET',
    path: `/v1/webhook-endpoints/${ids.webhookEndpoint}`,
    reply: ok(f.webhookEndpoint),
    result: f.webhookEndpoint,
    error: notFound('webhook-endpoint.not-found'),
  },
  {
    name: 'webhookEndpoints.update',
    call: (c) => c.webhookEndpoints.update(ids.webhookEndpoint, { active: false }),
    method: 'PATCH',
    path: `/v1/webhook-endpoints/${ids.webhookEndpoint}`,
    body: { active: false },
    reply: ok({ ...f.webhookEndpoint, active: false }),
    result: { ...f.webhookEndpoint, active: false },
    error: notFound('webhook-endpoint.not-found'),
  },
  {
    name: 'webhookEndpoints.delete',
    call: (c) => c.webhookEndpoints.delete(ids.webhookEndpoint),
    method: 'DELETE',
    path: `/v1/webhook-endpoints/${ids.webhookEndpoint}`,
    reply: { status: 204 },
    result: undefined,
    error: notFound('webhook-endpoint.not-found'),
  },
  {
    name: 'coupons.create',
    call: (c) =>
      c.coupons.create({
        name: 'Spring',
        discountType: 'amount',
        discountAmount: 500,
        currency: 'JPY',
        maxRedemptionCount: 100,
      }),
    method: 'POST',
    path: '/v1/coupons',
    body: {
      name: 'Spring',
      discountType: 'amount',
      discountAmount: 500,
      currency: 'JPY',
      maxRedemptionCount: 100,
    },
    reply: ok(f.coupon),
    result: f.coupon,
    error: invalid,
  },
  {
    name: 'coupons.list',
    call: (c) => c.coupons.list(plainPage),
    method: 'GET',
    path: '/v1/coupons',
    query: plainPageQuery,
    reply: ok(f.collection([f.coupon])),
    result: f.collection([f.coupon]),
    error: invalid,
  },
  {
    name: 'coupons.retrieve',
    call: (c) => c.coupons.retrieve(ids.coupon),
    method: 'GET',
    path: `/v1/coupons/${ids.coupon}`,
    reply: ok(f.coupon),
    result: f.coupon,
    error: notFound('coupon.not-found'),
  },
  {
    name: 'coupons.update',
    call: (c) => c.coupons.update(ids.coupon, { active: false, name: 'Spring (ended)' }),
    method: 'PATCH',
    path: `/v1/coupons/${ids.coupon}`,
    body: { active: false, name: 'Spring (ended)' },
    reply: ok(f.coupon),
    result: f.coupon,
    error: notFound('coupon.not-found'),
  },
  {
    name: 'promotionCodes.create',
    call: (c) =>
      c.promotionCodes.create({
        code: 'SPRING10',
        coupon: ids.coupon,
        minimumAmount: 3000,
        currency: 'JPY',
        onePerCustomer: true,
      }),
    method: 'POST',
    path: '/v1/promotion-codes',
    body: {
      code: 'SPRING10',
      coupon: ids.coupon,
      minimumAmount: 3000,
      currency: 'JPY',
      onePerCustomer: true,
    },
    reply: ok(f.promotionCode),
    result: f.promotionCode,
    error: { status: 409, code: 'promotion-code.exists', type: ConflictError },
  },
  {
    name: 'promotionCodes.list',
    call: (c) => c.promotionCodes.list(plainPage),
    method: 'GET',
    path: '/v1/promotion-codes',
    query: plainPageQuery,
    reply: ok(f.collection([f.promotionCode])),
    result: f.collection([f.promotionCode]),
    error: invalid,
  },
  {
    name: 'promotionCodes.retrieve',
    call: (c) => c.promotionCodes.retrieve(ids.promotionCode),
    method: 'GET',
    path: `/v1/promotion-codes/${ids.promotionCode}`,
    reply: ok(f.promotionCode),
    result: f.promotionCode,
    error: notFound('promotion-code.not-found'),
  },
  {
    name: 'promotionCodes.update',
    call: (c) => c.promotionCodes.update(ids.promotionCode, { active: false }),
    method: 'PATCH',
    path: `/v1/promotion-codes/${ids.promotionCode}`,
    body: { active: false },
    reply: ok(f.promotionCode),
    result: f.promotionCode,
    error: notFound('promotion-code.not-found'),
  },
  {
    name: 'tokens.list',
    call: (c) => c.tokens.list(plainPage),
    method: 'GET',
    path: '/v1/tokens',
    query: plainPageQuery,
    reply: ok(f.collection([f.token])),
    result: f.collection([f.token]),
    error: invalid,
  },
  {
    name: 'tokens.retrieve',
    call: (c) => c.tokens.retrieve(ids.token),
    method: 'GET',
    path: `/v1/tokens/${ids.token}`,
    reply: ok(f.token),
    result: f.token,
    error: notFound('token.not-found'),
  },
  {
    name: 'tokens.enable',
    call: (c) => c.tokens.enable(ids.token),
    method: 'PUT',
    path: `/v1/tokens/${ids.token}/enable`,
    reply: { status: 200 },
    result: undefined,
    error: notFound('token.not-found'),
  },
  {
    name: 'tokens.disable',
    call: (c) => c.tokens.disable(ids.token),
    method: 'PUT',
    path: `/v1/tokens/${ids.token}/disable`,
    reply: { status: 200 },
    result: undefined,
    error: notFound('token.not-found'),
  },
  {
    name: 'tokens.delete',
    call: (c) => c.tokens.delete(ids.token),
    method: 'DELETE',
    path: `/v1/tokens/${ids.token}`,
    reply: { status: 204 },
    result: undefined,
    error: notFound('token.not-found'),
  },
]

const ctx = useServer()

describe('every operation', () => {
  it('covers the 34 operations of the API, each once', () => {
    expect(operations).toHaveLength(34)
    expect(new Set(operations.map((op) => op.name)).size).toBe(34)
  })

  it('agrees with the operation table the client is built from: names, methods, paths', () => {
    const table = Object.entries(SERVER_OPERATIONS).flatMap(([resource, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${resource}.${method}`, ...op })),
    )
    expect(operations.map((row) => row.name).sort()).toEqual(table.map((op) => op.name).sort())
    for (const row of operations) {
      const op = table.find((entry) => entry.name === row.name)
      const template = new RegExp(`^/v1${op?.path.replace(/\{\w+\}/g, '[^/]+')}$`)
      expect({ name: row.name, method: row.method, path: template.test(row.path) }).toEqual({
        name: row.name,
        method: op?.method,
        path: true,
      })
    }
  })

  describe.each(operations)('$name', (op) => {
    it(`sends exactly ${op.method} ${op.path}, with its query, headers and body`, async () => {
      const { server } = ctx
      server.queue(op.reply)
      // Responses are validated too, so every fixture must match its schema.
      const result = op.call(clientFor(server, { validateResponses: true }))
      // Awaiting a list gives a page: compare its envelope without the helper methods.
      expect(JSON.parse(JSON.stringify((await result) ?? null))).toEqual(op.result ?? null)
      const request = only(server)
      expect(request.method).toBe(op.method)
      expect(request.path).toBe(op.path)
      expect(Object.fromEntries(request.query)).toEqual(op.query ?? {})
      expect(request.headers.authorization).toBe(BASIC)
      expect(request.headers.accept).toBe('application/json')
      const mutating = op.method !== 'GET'
      if (mutating) expect(request.headers['idempotency-key']).toMatch(UUID)
      else expect(request.headers['idempotency-key']).toBeUndefined()
      if (op.body === undefined) {
        expect(request.body).toBe('')
        expect(request.headers['content-type']).toBeUndefined()
      } else {
        expect(request.headers['content-type']).toMatch(/^application\/json/)
        expect(request.json).toEqual(op.body)
      }
    })

    it(`maps HTTP ${op.error.status} ${op.error.code} to ${op.error.type.name}`, async () => {
      const { server } = ctx
      const { status, code, type } = op.error
      server.queue({ status, json: { statusCode: status, errorCode: code, message: 'Refused' } })
      const error = await failure(op.call(clientFor(server)))
      expect(error).toBeInstanceOf(type)
      expect(error.status).toBe(status)
      expect(error.code).toBe(code)
      expect(error.method).toBe(op.method)
      expect(error.path).toBe(op.path.replace(/^\/v1/, ''))
      expect(server.requests).toHaveLength(1)
    })
  })
})

describe('ids in paths', () => {
  it('keep a dotted checkout session id (as the official SDK’s tests use) intact', async () => {
    const { server } = ctx
    const dotted = 'checkout_test_hm3tau0XY7r3ULm06pHtr8.1nsIwu'
    await clientFor(server).checkoutSessions.retrieve(dotted)
    expect(only(server).path).toBe(`/v1/checkout-sessions/${dotted}`)
  })
})

describe('payments.capture', () => {
  it('is payments.create under the official SDK name', async () => {
    const { server } = ctx
    const client = clientFor(server)
    expect(client.payments.capture).toBe(client.payments.create)
    server.queue({ json: f.payment })
    await client.payments.capture({ order: ids.order, amount: 100, currency: 'JPY' })
    expect(only(server).path).toBe('/v1/payments')
  })
})

describe('idempotency keys', () => {
  it('sends the caller’s key, and the same key on a retry', async () => {
    const { server } = ctx
    server.queue({ status: 503, json: {} }, { json: f.refund })
    const refund = await clientFor(server).refunds.create(
      { payment: ids.payment, currency: 'JPY', reason: 'fraudulent' },
      { idempotencyKey: 'refund-ORD-1' },
    )
    expect(refund.id).toBe(ids.refund)
    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'refund-ORD-1',
      'refund-ORD-1',
    ])
    // Never in the body or the query, unlike the official Node SDK.
    expect(server.requests[1]?.json).toEqual({
      payment: ids.payment,
      currency: 'JPY',
      reason: 'fraudulent',
    })
    expect([...(server.requests[1]?.query.keys() ?? [])]).toEqual([])
  })

  it('is never sent on a GET, even when given', async () => {
    const { server } = ctx
    await clientFor(server).orders.retrieve(ids.order, {}, { idempotencyKey: 'ignored' })
    expect(only(server).headers['idempotency-key']).toBeUndefined()
  })
})
