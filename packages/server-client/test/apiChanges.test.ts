import { describe, expect, it } from 'vitest'
import { NotFoundError, ValidationError } from '../src/index.js'
import * as f from './fixtures.js'
import { clientFor, expectRefused, failure, KEY, only, UUID, useServer } from './support.js'

const { ids } = f
const ctx = useServer()

// When Smartpay changes its API: what the official SDKs send is sendable, a field or an
// operation newer than this version can be reached (extraBody, extraQuery, request()), and an
// unknown field's error says how.

describe('what the official SDKs send, this client sends', () => {
  it('sends promotionCode in the checkout body, as the Node SDK does, and applies it to url', async () => {
    ctx.server.queue({ json: f.checkoutSession })
    const session = await clientFor(ctx.server).checkoutSessions.create({
      ...f.checkoutParams,
      promotionCode: 'SPRING 10',
    })
    expect(only(ctx.server).json).toEqual({ ...f.checkoutParams, promotionCode: 'SPRING 10' })
    expect(new URL(session.url).searchParams.get('promotion-code')).toBe('SPRING 10')
    expect(session.url.startsWith(f.checkoutSession.url)).toBe(true)
  })

  it('keeps the API’s url when there is no promotion code', async () => {
    ctx.server.queue({ json: f.checkoutSession })
    const session = await clientFor(ctx.server).checkoutSessions.create(f.checkoutParams)
    expect(session.url).toBe(f.checkoutSession.url)
  })

  it('resolves the created session even when its url cannot take the code', async () => {
    ctx.server.queue({ json: { ...f.checkoutSession, url: 'not a url' } })
    const { data, meta } = await clientFor(ctx.server)
      .checkoutSessions.create({ ...f.checkoutParams, promotionCode: 'SPRING' })
      .withMeta()
    expect(data.url).toBe('not a url')
    expect(meta.idempotencyKey).toMatch(UUID)
  })

  it('accepts addressType inside an address, as the Node SDK’s schema does', async () => {
    const address = { ...f.address, addressType: 'office' as const }
    await clientFor(ctx.server).checkoutSessions.create({
      ...f.checkoutParams,
      shippingInfo: { ...f.checkoutParams.shippingInfo, address },
      customerInfo: { address },
    })
    expect(only(ctx.server).json).toMatchObject({
      shippingInfo: { address },
      customerInfo: { address },
    })
  })

  it('accepts a coupon’s description, and a currency on a percentage coupon', async () => {
    const params = {
      name: 'Spring',
      description: 'Ten percent off in spring',
      discountType: 'percentage',
      discountPercentage: 10,
      currency: 'JPY',
    } as const
    await clientFor(ctx.server).coupons.create(params)
    expect(only(ctx.server).json).toEqual(params)
  })
})

describe('extraBody and extraQuery', () => {
  it('send a field this version does not know with a create call', async () => {
    await clientFor(ctx.server).orders.create(f.orderParams, {
      extraBody: { giftWrap: true },
    })
    expect(only(ctx.server).json).toEqual({ ...f.orderParams, giftWrap: true })
  })

  it('send a parameter this version does not know with every page of a list', async () => {
    ctx.server.queue({ json: f.collection([f.order], 'page_2') }, { json: f.collection([f.order]) })
    const seen = []
    for await (const order of clientFor(ctx.server).orders.list(
      { maxResults: 1 },
      { extraQuery: { status: 'succeeded' } },
    )) {
      seen.push(order.id)
    }
    expect(seen).toHaveLength(2)
    const queries = ctx.server.requests.map((r) => Object.fromEntries(r.query))
    expect(queries).toEqual([
      { maxResults: '1', status: 'succeeded' },
      { maxResults: '1', status: 'succeeded', pageToken: 'page_2' },
    ])
  })

  it('reach a query parameter on a retrieve that takes no parameters', async () => {
    ctx.server.queue({ json: f.promotionCode })
    await clientFor(ctx.server).promotionCodes.retrieve(ids.promotionCode, {
      extraQuery: { expand: 'all' },
    })
    expect(Object.fromEntries(only(ctx.server).query)).toEqual({ expand: 'all' })
  })

  it('are refused when they hold a secret key, showing only its fingerprint', async () => {
    const error = await expectRefused(
      ctx.server,
      (c) => c.orders.create(f.orderParams, { extraBody: { note: KEY } }),
      'extraBody',
    )
    expect(error.message).toContain('sk_test_…1taz')
    expect(error.message).not.toContain(KEY)
  })
})

describe('an unknown field', () => {
  it('is still refused, naming the nearest known field and the escape hatch', async () => {
    const { successUrl, ...rest } = f.checkoutParams
    const params = { ...rest, successURL: successUrl }
    const error = await expectRefused(
      ctx.server,
      // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller's typo
      (c) => c.checkoutSessions.create(params as any),
      'successUrl',
    )
    expect(error.message).toContain('successUrl: Invalid key')
    expect(error.message).toContain('did you mean "successUrl"?')
    expect(error.message).toContain('{ extraBody: { successURL: … } }')
  })

  it('in a list query points to extraQuery', async () => {
    const error = await expectRefused(
      ctx.server,
      // biome-ignore lint/suspicious/noExplicitAny: a JavaScript caller's typo
      (c) => c.orders.list({ maxresults: 5 } as any),
      'maxresults',
    )
    expect(error.message).toContain('did you mean "maxResults"?')
    expect(error.message).toContain('extraQuery')
  })
})

describe('request(), for an operation this client does not list', () => {
  it('sends a GET with the key, the query, and no idempotency key', async () => {
    ctx.server.queue({ json: { object: 'collection', data: [] } })
    const data = await clientFor(ctx.server).request<{ data: unknown[] }>({
      method: 'GET',
      path: '/payouts',
      query: { maxResults: 5 },
    })
    expect(data).toEqual({ object: 'collection', data: [] })
    const req = only(ctx.server)
    expect(req.method).toBe('GET')
    expect(req.path).toBe('/v1/payouts')
    expect(Object.fromEntries(req.query)).toEqual({ maxResults: '5' })
    expect(req.headers.authorization).toMatch(/^Basic /)
    expect(req.headers['idempotency-key']).toBeUndefined()
  })

  it('gives a POST an idempotency key that stays the same when it is retried', async () => {
    ctx.server.queue({ status: 503, json: {} }, { json: { id: 'x' } })
    const { meta } = await clientFor(ctx.server)
      .request({ method: 'POST', path: '/payouts', body: { amount: 1 } })
      .withMeta()
    const keys = ctx.server.requests.map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    expect(keys[0]).toMatch(UUID)
    expect(keys[1]).toBe(keys[0])
    expect(meta.attempts).toBe(2)
    expect(ctx.server.requests[0]?.json).toEqual({ amount: 1 })
  })

  it('maps errors to the typed classes', async () => {
    ctx.server.queue({ status: 404, json: { statusCode: 404, errorCode: 'payout.not-found' } })
    const error = await failure(
      clientFor(ctx.server).request({ method: 'GET', path: '/payouts/po_1' }),
    )
    expect(error).toBeInstanceOf(NotFoundError)
  })

  it.each([
    ['an absolute URL', { method: 'GET', path: 'https://evil.example/x' }, 'path'],
    ['a protocol-relative path', { method: 'GET', path: '//evil.example/x' }, 'path'],
    ['a path without its leading /', { method: 'GET', path: 'payouts' }, 'path'],
    ['a .. segment', { method: 'GET', path: '/payouts/../../admin' }, 'path'],
    ['a query in the path', { method: 'GET', path: '/payouts?x=1' }, 'path'],
    ['a space in the path', { method: 'GET', path: '/pay outs' }, 'path'],
    ['a secret key in the path', { method: 'GET', path: `/x/${KEY}` }, 'path'],
    ['an unknown method', { method: 'TRACE', path: '/x' }, 'method'],
    ['a body on a GET', { method: 'GET', path: '/x', body: {} }, 'body'],
    ['a secret key in the body', { method: 'POST', path: '/x', body: { k: KEY } }, 'body'],
    ['a secret key in the query', { method: 'GET', path: '/x', query: { k: KEY } }, 'query'],
  ])('refuses %s before any request', async (_, spec, field) => {
    // biome-ignore lint/suspicious/noExplicitAny: deliberately wrong inputs
    const error = await expectRefused(ctx.server, (c) => c.request(spec as any), field)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
  })

  it('takes the per-call options, extraQuery included', async () => {
    await clientFor(ctx.server).request(
      { method: 'PUT', path: `/tokens/${ids.token}/enable` },
      { idempotencyKey: 'mine-1', extraQuery: { reason: 'support' } },
    )
    const req = only(ctx.server)
    expect(req.headers['idempotency-key']).toBe('mine-1')
    expect(Object.fromEntries(req.query)).toEqual({ reason: 'support' })
  })
})
