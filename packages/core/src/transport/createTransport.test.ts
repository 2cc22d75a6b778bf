import { inspect } from 'node:util'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/failure.js'
import { InsecureUrlError, ValidationError } from '../errors/errors.js'
import type { Transport } from './Connection.js'
import { createTransport } from './createTransport.js'
import type { TransportOptions } from './options.js'
import { BASIC, expectNoKey, KEY, serverPerTest, transportOn, UUID } from './testing/transportOn.js'

const server = serverPerTest()
const client = (options: TransportOptions = {}): Transport => transportOn(server, options)

describe('requests', () => {
  it('sends a GET with the Basic header, Accept JSON, the query, and no body or idempotency key', async () => {
    server.queue({ json: { id: 'order_test_1', object: 'order' } })
    const data = await client().request({
      method: 'GET',
      path: '/orders/order_test_1',
      query: { expand: 'all', maxResults: 5, pageToken: undefined },
    })
    expect(data).toEqual({ id: 'order_test_1', object: 'order' })
    const [req] = server.requests
    expect(req?.method).toBe('GET')
    expect(req?.path).toBe('/v1/orders/order_test_1')
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ expand: 'all', maxResults: '5' })
    expect(req?.headers.authorization).toBe(BASIC)
    expect(req?.headers.accept).toBe('application/json')
    expect(req?.headers['idempotency-key']).toBeUndefined()
    expect(req?.body).toBe('')
  })

  it('sends Bearer when asked', async () => {
    await client({ authScheme: 'bearer' }).request({ method: 'GET', path: '/x' })
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`)
  })

  it('sends a JSON body with a random UUID idempotency key on every mutating method', async () => {
    const api = client()
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      await api.request({
        method,
        path: '/things',
        body: method === 'DELETE' ? undefined : { amount: 1 },
      })
    }
    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    for (const key of keys) expect(key).toMatch(UUID)
    expect(new Set(keys).size).toBe(4)
    expect(server.requests[0]?.headers['content-type']).toBe('application/json')
    expect(server.requests[0]?.json).toEqual({ amount: 1 })
  })

  it('uses the caller’s idempotency key and shows it on the result metadata', async () => {
    server.queue({
      json: { ok: true },
      headers: { 'request-id': 'req_123', 'idempotency-replayed': 'true' },
    })
    const { data, meta } = await client()
      .request({
        method: 'POST',
        path: '/payments',
        body: {},
        options: { idempotencyKey: 'order-42-capture' },
      })
      .withMeta()
    expect(data).toEqual({ ok: true })
    expect(server.requests[0]?.headers['idempotency-key']).toBe('order-42-capture')
    expect(meta).toMatchObject({
      status: 200,
      method: 'POST',
      path: '/payments',
      idempotencyKey: 'order-42-capture',
      idempotentReplayed: true,
      requestId: 'req_123',
      attempts: 1,
    })
  })

  it('resolves an empty 200 and a 204 to undefined', async () => {
    server.queue({ status: 200, text: '' }, { status: 204 })
    await expect(
      client().request({ method: 'PUT', path: '/tokens/paytok_test_1/enable' }),
    ).resolves.toBeUndefined()
    await expect(
      client().request({ method: 'DELETE', path: '/tokens/paytok_test_1' }),
    ).resolves.toBeUndefined()
  })

  it('uses an injected fetch', async () => {
    let calls = 0
    const counting: typeof fetch = (input, init) => {
      calls++
      return server.fetch(input, init)
    }
    await client({ fetch: counting }).request({ method: 'GET', path: '/x' })
    expect(calls).toBe(1)
  })
})

describe('validation before any I/O', () => {
  const Body = v.object({ amount: v.pipe(v.number(), v.integer(), v.minValue(0)) })

  it('refuses bad params with the field path and valibot issues, sending nothing', async () => {
    const error = await failure(
      client().request({
        method: 'POST',
        path: '/payments',
        body: { amount: -1 },
        bodySchema: Body,
      }),
    )
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).field).toBe('amount')
    expect((error as ValidationError).issues[0]).toMatchObject({
      type: 'min_value',
      path: [{ key: 'amount' }],
    })
    expect(error.message).toContain('POST /payments')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses a non-https base URL at construction', () => {
    expect(() => createTransport(KEY, 'basic', { baseUrl: 'http://api.smartpay.co/v1' })).toThrow(
      InsecureUrlError,
    )
  })

  it('redacts a key pasted as a field name or an option name', async () => {
    const Strict = v.strictObject({ amount: v.number() })
    const asField = await failure(
      client().request({
        method: 'POST',
        path: '/x',
        body: { amount: 1, [KEY]: 1 },
        bodySchema: Strict,
      }),
    )
    expect(asField).toBeInstanceOf(ValidationError)
    expect((asField as ValidationError).field).toBe('sk_test_…1taz')
    expectNoKey(asField)
    const asOption = await failure(
      client().request({ method: 'GET', path: '/x', options: { [KEY]: 1 } as never }),
    )
    expect(asOption).toBeInstanceOf(ValidationError)
    expectNoKey(asOption)
    expect(server.requests).toHaveLength(0)
  })
})

describe('the transport object', () => {
  it('keeps the key out of an inspected transport', () => {
    const dump = inspect(client(), { depth: 10, showHidden: true })
    expect(dump).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    expect(dump).toContain('sk_test_…1taz')
  })
})
