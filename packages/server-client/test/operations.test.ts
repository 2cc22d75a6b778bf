import { describe, expect, it, vi } from 'vitest'
import type { Reply } from '../../../tests/support/httpsServer.js'
import {
  BadRequestError,
  ConflictError,
  type CreatePaymentParams,
  type CreateWebhookEndpointParams,
  NotFoundError,
  PermissionDeniedError,
  type ServerClient,
  type SmartpayError,
  ValidationError,
} from '../src/index.js'
import { SERVER_OPERATIONS } from '../src/resources/operations.js'
import * as f from './fixtures.js'
import { BASIC, clientFor, failure, LIVE_KEY, only, UUID, useServer } from './support.js'

const { ids } = f

// One row per API operation (smartpay-api.md §2.1): what the call is, what must go over the wire
// (method, path, body or query), what the server answers and what the call then resolves to,
// and one documented failure. A long table on purpose, so that each operation's wire format can
// be read and reviewed in one place; it is written apart from the client's own table.

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

/**
 * A row: `wire` is `METHOD /path` below `/v1`; `answer` is the JSON the server answers and the
 * call resolves to, or a status answered with no body (the call resolves to `undefined`).
 */
function op(
  name: string,
  call: Operation['call'],
  wire: string,
  answer: object | number,
  error: Operation['error'],
  sent: Pick<Operation, 'body' | 'query'> = {},
): Operation {
  const [method, path] = wire.split(' ') as [Operation['method'], string]
  const reply: Reply = typeof answer === 'number' ? { status: answer } : { json: answer }
  const result = typeof answer === 'number' ? undefined : answer
  return { name, call, method, path: `/v1${path}`, ...sent, reply, result, error }
}

const page = { maxResults: 2, pageToken: 'tok_2', expand: 'all' } as const
const plainPage = { maxResults: 2, pageToken: 'tok_2' } as const
const onPage = { query: { maxResults: '2', pageToken: 'tok_2', expand: 'all' } }
const onPlainPage = { query: { maxResults: '2', pageToken: 'tok_2' } }
const own = { reference: 'ORD-1', description: 'Spring order', metadata: { shop: 'tokyo' } }
const notFound = (code: string) => ({ status: 404, code, type: NotFoundError })
const invalid = { status: 400, code: 'request.invalid', type: BadRequestError }
const conflict = (code: string) => ({ status: 409, code, type: ConflictError })
const { collection: of } = f

// The params each create and update sends, as given and as they must arrive.
const session = {
  customerInfo: { emailAddress: 'hanako@example.com' },
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
  locale: 'ja',
} as const
const tokenSession = { ...f.checkoutSession, order: undefined, token: f.token }
const capture: CreatePaymentParams = {
  order: ids.order,
  amount: 2400,
  currency: 'JPY',
  cancelRemainder: 'manual',
  lineItems: ['li_test_1'],
  ...own,
}
const refund = {
  payment: ids.payment,
  amount: 1200,
  currency: 'JPY',
  reason: 'requested_by_customer',
} as const
const endpoint: CreateWebhookEndpointParams = {
  url: 'https://shop.example/webhooks',
  eventSubscriptions: ['order.authorized', 'payment.created'],
  description: 'Orders',
}
const coupon = {
  name: 'Spring',
  discountType: 'amount',
  discountAmount: 500,
  currency: 'JPY',
  maxRedemptionCount: 100,
} as const
const code = {
  code: 'SPRING10',
  coupon: ids.coupon,
  minimumAmount: 3000,
  currency: 'JPY',
  onePerCustomer: true,
} as const
const ended = { active: false, name: 'Spring (ended)' } as const
const ticket = { metadata: { ticket: 'T-1' } }
const off = { active: false } as const
const endpointOff = { ...f.webhookEndpoint, active: false }
const canceled = { ...f.order, status: 'canceled' }

// biome-ignore format: one row an operation, so the table reads as one
const operations: Operation[] = [
  op('checkoutSessions.create', (c) => c.checkoutSessions.create(f.checkoutParams), 'POST /checkout-sessions', f.checkoutSession, invalid, { body: f.checkoutParams }),
  op('checkoutSessions.createForToken', (c) => c.checkoutSessions.createForToken(session), 'POST /checkout-sessions', tokenSession, invalid, { body: { mode: 'token', ...session } }),
  op('checkoutSessions.list', (c) => c.checkoutSessions.list(page), 'GET /checkout-sessions', of([f.checkoutSession]), invalid, onPage),
  op('checkoutSessions.retrieve', (c) => c.checkoutSessions.retrieve(ids.checkout, { expand: 'all' }), `GET /checkout-sessions/${ids.checkout}`, f.checkoutSession, notFound('checkout-session.not-found'), { query: { expand: 'all' } }),
  op('orders.create', (c) => c.orders.create(f.orderParams), 'POST /orders', f.order, { status: 400, code: 'token.invalid', type: BadRequestError }, { body: f.orderParams }),
  op('orders.list', (c) => c.orders.list(page), 'GET /orders', of([f.order]), invalid, onPage),
  op('orders.retrieve', (c) => c.orders.retrieve(ids.order), `GET /orders/${ids.order}`, f.order, notFound('order.not-found')),
  op('orders.cancel', (c) => c.orders.cancel(ids.order), `PUT /orders/${ids.order}/cancellation`, canceled, conflict('order.cannot-cancel')),
  op('payments.create', (c) => c.payments.create(capture), 'POST /payments', f.payment, conflict('order.cannot-capture'), { body: capture }),
  op('payments.list', (c) => c.payments.list(page), 'GET /payments', of([f.payment]), invalid, onPage),
  op('payments.retrieve', (c) => c.payments.retrieve(ids.payment, { expand: 'no' }), `GET /payments/${ids.payment}`, f.payment, notFound('payment.not-found'), { query: { expand: 'no' } }),
  op('payments.update', (c) => c.payments.update(ids.payment, own), `PATCH /payments/${ids.payment}`, { ...f.payment, ...own }, notFound('payment.not-found'), { body: own }),
  op('refunds.create', (c) => c.refunds.create(refund), 'POST /refunds', f.refund, { status: 403, code: 'amount.insufficient', type: PermissionDeniedError }, { body: refund }),
  op('refunds.list', (c) => c.refunds.list(page), 'GET /refunds', of([f.refund]), invalid, onPage),
  op('refunds.retrieve', (c) => c.refunds.retrieve(ids.refund), `GET /refunds/${ids.refund}`, f.refund, notFound('refund.not-found')),
  op('refunds.update', (c) => c.refunds.update(ids.refund, ticket), `PATCH /refunds/${ids.refund}`, f.refund, notFound('refund.not-found'), { body: ticket }),
  op('webhookEndpoints.create', (c) => c.webhookEndpoints.create(endpoint), 'POST /webhook-endpoints', f.webhookEndpoint, invalid, { body: endpoint }),
  op('webhookEndpoints.list', (c) => c.webhookEndpoints.list(plainPage), 'GET /webhook-endpoints', of([f.webhookEndpoint]), invalid, onPlainPage),
  op('webhookEndpoints.retrieve', (c) => c.webhookEndpoints.retrieve(ids.webhookEndpoint), `GET /webhook-endpoints/${ids.webhookEndpoint}`, f.webhookEndpoint, notFound('webhook-endpoint.not-found')),
  op('webhookEndpoints.update', (c) => c.webhookEndpoints.update(ids.webhookEndpoint, off), `PATCH /webhook-endpoints/${ids.webhookEndpoint}`, endpointOff, notFound('webhook-endpoint.not-found'), { body: off }),
  op('webhookEndpoints.delete', (c) => c.webhookEndpoints.delete(ids.webhookEndpoint), `DELETE /webhook-endpoints/${ids.webhookEndpoint}`, 204, notFound('webhook-endpoint.not-found')),
  op('coupons.create', (c) => c.coupons.create(coupon), 'POST /coupons', f.coupon, invalid, { body: coupon }),
  op('coupons.list', (c) => c.coupons.list(plainPage), 'GET /coupons', of([f.coupon]), invalid, onPlainPage),
  op('coupons.retrieve', (c) => c.coupons.retrieve(ids.coupon), `GET /coupons/${ids.coupon}`, f.coupon, notFound('coupon.not-found')),
  op('coupons.update', (c) => c.coupons.update(ids.coupon, ended), `PATCH /coupons/${ids.coupon}`, f.coupon, notFound('coupon.not-found'), { body: ended }),
  op('promotionCodes.create', (c) => c.promotionCodes.create(code), 'POST /promotion-codes', f.promotionCode, conflict('promotion-code.exists'), { body: code }),
  op('promotionCodes.list', (c) => c.promotionCodes.list(plainPage), 'GET /promotion-codes', of([f.promotionCode]), invalid, onPlainPage),
  op('promotionCodes.retrieve', (c) => c.promotionCodes.retrieve(ids.promotionCode), `GET /promotion-codes/${ids.promotionCode}`, f.promotionCode, notFound('promotion-code.not-found')),
  op('promotionCodes.update', (c) => c.promotionCodes.update(ids.promotionCode, off), `PATCH /promotion-codes/${ids.promotionCode}`, f.promotionCode, notFound('promotion-code.not-found'), { body: off }),
  op('tokens.list', (c) => c.tokens.list(plainPage), 'GET /tokens', of([f.token]), invalid, onPlainPage),
  op('tokens.retrieve', (c) => c.tokens.retrieve(ids.token), `GET /tokens/${ids.token}`, f.token, notFound('token.not-found')),
  op('tokens.enable', (c) => c.tokens.enable(ids.token), `PUT /tokens/${ids.token}/enable`, 200, notFound('token.not-found')),
  op('tokens.disable', (c) => c.tokens.disable(ids.token), `PUT /tokens/${ids.token}/disable`, 200, notFound('token.not-found')),
  op('tokens.delete', (c) => c.tokens.delete(ids.token), `DELETE /tokens/${ids.token}`, 204, notFound('token.not-found')),
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

describe('resources, made on first use', () => {
  // A client builds a resource the first time it is read, so that making a client per request
  // is cheap; the resource then stays, and its methods send with that client's own key.

  it('are built once a client, and each client has its own', () => {
    const { server } = ctx
    const [a, b] = [clientFor(server), clientFor(server)]
    expect(a.orders).toBe(a.orders)
    expect(a.orders.retrieve).toBe(a.orders.retrieve)
    expect(b.orders).not.toBe(a.orders)
    expect(b.orders.retrieve).not.toBe(a.orders.retrieve)
    expect(Object.isFrozen(a)).toBe(true)
  })

  it('send with their own client’s key, also when a method is called detached', async () => {
    const { server } = ctx
    const test = clientFor(server)
    const live = clientFor(server, { secretKey: LIVE_KEY })
    server.queue({ json: f.order }, { json: { ...f.order, id: 'order_live_a' } })
    const { retrieve } = test.orders
    await retrieve(ids.order)
    await live.orders.retrieve('order_live_a')
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      BASIC,
      `Basic ${btoa(`${LIVE_KEY}:`)}`,
    ])
    // The mode check is each client's too: a test id is refused by the live client.
    expect(await failure(live.orders.retrieve(ids.order))).toBeInstanceOf(ValidationError)
  })

  it('have methods an app’s tests can replace or spy on', async () => {
    const { server } = ctx
    const client = clientFor(server)
    const spy = vi.spyOn(client.orders, 'retrieve').mockResolvedValue(f.order as never)
    expect(await client.orders.retrieve(ids.order)).toEqual(f.order)
    expect(spy).toHaveBeenCalledWith(ids.order)
    const stub = (() => Promise.resolve({ id: 'x' })) as never
    client.refunds.create = stub
    expect(client.refunds.create).toBe(stub)
    expect(server.requests).toHaveLength(0)
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
