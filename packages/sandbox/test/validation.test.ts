import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Harness, harness, orderSessionBody } from './helpers.js'

let h: Harness
beforeAll(async () => {
  h = await harness()
})
afterAll(() => h.close())

const create = (body: unknown) => h.call('POST', '/checkout-sessions', { body })
const paths = (res: { json: { details: { path: string }[] } }) =>
  res.json.details.map((d) => d.path)

describe('request validation', () => {
  it('lists every missing required field in the API error format', async () => {
    const res = await create({})
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ statusCode: 400, errorCode: 'request.invalid' })
    expect(typeof res.json.message).toBe('string')
    expect(paths(res).sort()).toEqual(
      [
        'amount',
        'cancelUrl',
        'currency',
        'customerInfo',
        'items',
        'shippingInfo',
        'successUrl',
      ].sort(),
    )
    expect(h.sandbox.objects('checkoutSession')).toHaveLength(0)
  })

  it.each([
    ['amount', { amount: '3000' }, 'amount'],
    ['a negative amount', { amount: -1 }, 'amount'],
    ['a fractional amount', { amount: 1.5 }, 'amount'],
    ['currency', { currency: 'USD' }, 'currency'],
    ['captureMethod', { captureMethod: 'later' }, 'captureMethod'],
    ['no items', { items: [] }, 'items'],
    ['description over 80', { description: 'x'.repeat(81) }, 'description'],
    ['reference over 40', { reference: 'x'.repeat(41) }, 'reference'],
    ['a bad successUrl', { successUrl: 'not a url' }, 'successUrl'],
    ['a javascript: cancelUrl', { cancelUrl: 'javascript:alert(1)' }, 'cancelUrl'],
    ['locale', { locale: 'fr' }, 'locale'],
    ['item amount type', { items: [{ name: 'x', amount: 'free' }] }, 'items[0].amount'],
    ['item without name', { items: [{ amount: 1 }] }, 'items[0].name'],
    ['item kind', { items: [{ name: 'x', amount: 1, kind: 'gift' }] }, 'items[0].kind'],
    [
      'address country',
      { shippingInfo: { address: { line1: 'a', locality: 'b', postalCode: 'c', country: 'US' } } },
      'shippingInfo.address.country',
    ],
    ['missing address', { shippingInfo: {} }, 'shippingInfo.address'],
  ])('rejects %s', async (_name, override, path) => {
    const res = await create(orderSessionBody(override))
    expect(res.status).toBe(400)
    expect(res.json.errorCode).toBe('request.invalid')
    expect(paths(res)).toContain(path)
  })

  it('allows 50 items but not 51', async () => {
    const item = { name: 'x', amount: 1 }
    expect((await create(orderSessionBody({ items: Array(50).fill(item) }))).status).toBe(200)
    const res = await create(orderSessionBody({ items: Array(51).fill(item) }))
    expect(res.status).toBe(400)
    expect(paths(res)).toEqual(['items'])
  })

  it('allows 20 metadata pairs but not 21', async () => {
    const pairs = (n: number) =>
      Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']))
    expect((await create(orderSessionBody({ metadata: pairs(20) }))).status).toBe(200)
    expect(paths(await create(orderSessionBody({ metadata: pairs(21) })))).toEqual(['metadata'])
    expect(paths(await create(orderSessionBody({ metadata: { nested: { a: 1 } } })))).toEqual([
      'metadata.nested',
    ])
  })

  it('accepts description of 80 and reference of 40 characters', async () => {
    const res = await create(
      orderSessionBody({ description: 'd'.repeat(80), reference: 'r'.repeat(40) }),
    )
    expect(res.status).toBe(200)
  })

  it('answers 400 request.malformed to a body that is not JSON', async () => {
    const res = await h.call('POST', '/checkout-sessions', {
      raw: '{"amount": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ statusCode: 400, errorCode: 'request.malformed' })
  })

  it('answers 400 to a JSON body that is not an object', async () => {
    const res = await h.call('POST', '/coupons', { body: [1, 2] })
    expect(res.status).toBe(400)
    expect(res.json.errorCode).toBe('request.invalid')
  })

  it('validates refund reasons, payment amounts and webhook event types', async () => {
    const refund = await h.call('POST', '/refunds', {
      body: { payment: 'payment_test_x', currency: 'JPY', reason: 'oops' },
    })
    expect(paths(refund)).toEqual(['reason'])
    const payment = await h.call('POST', '/payments', {
      body: { order: 'order_test_x', amount: -5, currency: 'JPY' },
    })
    expect(paths(payment)).toEqual(['amount'])
    const hook = await h.call('POST', '/webhook-endpoints', {
      body: { url: 'http://127.0.0.1:9/hook', eventSubscriptions: ['order.exploded'] },
    })
    expect(paths(hook)).toEqual(['eventSubscriptions[0]'])
  })

  it('validates list parameters', async () => {
    expect((await h.call('GET', '/orders?maxResults=0')).json.errorCode).toBe('request.invalid')
    expect((await h.call('GET', '/orders?maxResults=abc')).status).toBe(400)
    expect((await h.call('GET', '/orders?pageToken=garbage')).status).toBe(400)
    expect((await h.call('GET', '/orders?expand=some')).status).toBe(400)
  })

  it('answers 405 to a wrong method and 404 to an unknown path', async () => {
    const wrong = await h.call('DELETE', '/orders')
    expect(wrong.status).toBe(405)
    expect(wrong.headers.get('allow')).toContain('GET')
    expect((await h.call('GET', '/customers')).json.errorCode).toBe('request.not-found')
  })
})
