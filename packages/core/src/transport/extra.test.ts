import * as v from 'valibot'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../../tests/support/httpsServer.js'
import { ValidationError } from '../errors/errors.js'
import { nearestKey } from '../schemas/unknownField.js'
import type { Transport } from './Connection.js'
import { createReadTransport } from './createReadTransport.js'
import { createTransport } from './createTransport.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const OTHER_KEY = 'sk_live_Zz9yXw8vUt7sRq6pOn5mLk'

let server: TestServer
const client = (): Transport =>
  createTransport(KEY, 'basic', { baseUrl: server.baseUrl, fetch: server.fetch })

// A server per test: a request a previous test left in flight (an aborted or timed-out
// attempt reaches the server late on a busy machine) lands on that test's closed server, never
// in this test's record.
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(() => server.close())

const Body = v.strictObject({
  successUrl: v.string(),
  amount: v.number(),
  items: v.optional(v.array(v.strictObject({ name: v.string() }))),
})
const Query = v.strictObject({ maxResults: v.optional(v.number()) })

async function refusal(promise: PromiseLike<unknown>): Promise<ValidationError> {
  const error = await Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(ValidationError)
  expect(server.requests).toHaveLength(0)
  return error as ValidationError
}

describe('extraBody and extraQuery', () => {
  it('send fields the schemas do not know, merged over the checked body and query', async () => {
    await client().request({
      method: 'POST',
      path: '/things',
      body: { successUrl: 'https://a.example', amount: 1 },
      bodySchema: Body,
      query: { maxResults: 5 },
      querySchema: Query,
      options: { extraBody: { giftWrap: true, amount: 2 }, extraQuery: { region: 'kanto' } },
    })
    const [req] = server.requests
    expect(req?.json).toEqual({ successUrl: 'https://a.example', amount: 2, giftWrap: true })
    expect(Object.fromEntries(req?.query ?? [])).toEqual({ maxResults: '5', region: 'kanto' })
    expect(req?.headers['idempotency-key']).toBeDefined()
  })

  it('still refuse an unknown field given as a parameter (strictness stays the default)', async () => {
    const error = await refusal(
      client().request({
        method: 'POST',
        path: '/things',
        body: { successUrl: 'https://a.example', amount: 1, giftWrap: true },
        bodySchema: Body,
      }),
    )
    expect(error.field).toBe('giftWrap')
  })

  it('give a body to a call that had none', async () => {
    await client().request({ method: 'PUT', path: '/x/cancel', options: { extraBody: { a: 1 } } })
    expect(server.requests[0]?.json).toEqual({ a: 1 })
  })

  it('refuse extraBody on a GET, which sends no body', async () => {
    const error = await refusal(
      client().request({ method: 'GET', path: '/x', options: { extraBody: { a: 1 } } }),
    )
    expect(error.message).toMatch(/extraQuery/)
  })

  it.each([
    ['an array as extraBody', { extraBody: [1] }],
    ['a string as extraBody', { extraBody: 'a=1' }],
    ['an object value in extraQuery', { extraQuery: { a: { b: 1 } } }],
  ])('refuse %s', async (_, options) => {
    await refusal(client().request({ method: 'POST', path: '/x', options: options as never }))
  })

  it.each([
    ['extraBody', { extraBody: { note: `key ${KEY}` } }],
    ['extraQuery', { extraQuery: { k: OTHER_KEY } }],
  ])('refuse a secret key in %s, showing only its fingerprint', async (field, options) => {
    const error = await refusal(client().request({ method: 'POST', path: '/x', options }))
    expect(error.field).toBe(field)
    expect(error.message).toMatch(/sk_(test|live)_…/)
    expect(JSON.stringify(error) + error.message).not.toMatch(/Ho1BrYTcg3gAX4vTKk1taz|Zz9yXw8v/)
  })

  it('refuse a secret key in a body or query no schema checked', async () => {
    const body = await refusal(
      client().request({ method: 'POST', path: '/x', body: { nested: [{ k: KEY }] } }),
    )
    expect(body.field).toBe('body')
    const query = await refusal(client().request({ method: 'GET', path: '/x', query: { k: KEY } }))
    expect(query.field).toBe('query')
  })

  it('are not options of the read transport', () => {
    const read = createReadTransport('pk_test_PCLEGPw9RrKIAlRcK504Bj', 'basic', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
    })
    const call = read.request({ method: 'GET', path: '/x', options: { extraQuery: {} } as never })
    return expect(call).rejects.toThrow(/Invalid option "extraQuery"/)
  })
})

describe('an unknown field’s message', () => {
  const send = (body: unknown, query?: unknown) =>
    client().request({
      method: 'POST',
      path: '/things',
      body,
      bodySchema: Body,
      query: query as never,
      querySchema: Query,
    })

  it('names the field, the nearest known one and extraBody', async () => {
    const error = await refusal(send({ sucessUrl: 'https://a.example', amount: 1 }))
    expect(error.message).toContain('sucessUrl: unknown field; did you mean "successUrl"?')
    expect(error.message).toContain('{ extraBody: { sucessUrl: … } }')
  })

  it('matches another case first', async () => {
    const error = await refusal(send({ successURL: 'x', amount: 1 }))
    expect(error.message).toContain('did you mean "successUrl"?')
  })

  it('does not suggest a field that is already given', async () => {
    const error = await refusal(send({ sucessUrl: 'x', successUrl: 'x', amount: 1 }))
    expect(error.field).toBe('sucessUrl')
    expect(error.message).not.toContain('did you mean')
  })

  it('suggests nothing for a field unlike any known one', async () => {
    const error = await refusal(send({ successUrl: 'x', amount: 1, giftWrap: true }))
    expect(error.message).toContain('giftWrap: unknown field.')
    expect(error.message).not.toContain('did you mean')
  })

  it('names the nested object to resend whole for a nested unknown field', async () => {
    const error = await refusal(
      send({ successUrl: 'x', amount: 1, items: [{ name: 'Tea', nmae: 'Tea' }] }),
    )
    expect(error.field).toBe('items.0.nmae')
    expect(error.message).toContain('unknown field.')
    expect(error.message).toContain('send the whole "items"')
  })

  it('suggests a nested field by its own object’s fields', async () => {
    const error = await refusal(send({ successUrl: 'x', amount: 1, items: [{ nmae: 'Tea' }] }))
    expect(error.message).toContain('items.0.nmae: unknown field; did you mean "name"?')
  })

  it('points to extraQuery for a query parameter', async () => {
    const error = await refusal(send({ successUrl: 'x', amount: 1 }, { maxResult: 5 }))
    expect(error.message).toContain('did you mean "maxResults"?')
    expect(error.message).toContain('{ extraQuery: { maxResult: … } }')
  })

  it('shows a key pasted as a field name only as a fingerprint', async () => {
    const error = await refusal(send({ successUrl: 'x', amount: 1, [KEY]: 1 }))
    expect(error.message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    expect(error.message).toContain('sk_test_…')
  })
})

describe('nearestKey', () => {
  const known = ['successUrl', 'cancelUrl', 'amount', 'currency', 'items']
  it.each([
    ['successURL', 'successUrl'],
    ['sucessUrl', 'successUrl'],
    ['cancelURL', 'cancelUrl'],
    ['ammount', 'amount'],
    ['item', 'items'],
    ['curency', 'currency'],
  ])('takes %s for %s', (name, expected) => expect(nearestKey(name, known)).toBe(expected))
  it.each(['giftWrap', 'promotionCode', 'x'])('has nothing for %s', (name) =>
    expect(nearestKey(name, known)).toBeUndefined(),
  )
})
