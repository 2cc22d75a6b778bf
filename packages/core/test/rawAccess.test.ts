import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../../tests/support/httpsServer.js'
import {
  ApiServerError,
  type Collection,
  createTransport,
  NotFoundError,
  paginate,
  type SmartpayError,
} from '../src/index.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())
beforeEach(() => server.reset())

const client = () =>
  createTransport(KEY, 'basic', {
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
  })

describe('raw access', () => {
  it('puts the final response’s headers on withMeta()’s meta', async () => {
    server.queue({ json: { id: 'order_test_1' }, headers: { 'x-ratelimit-remaining': '99' } })
    const { meta } = await client()
      .request({ method: 'GET', path: '/orders/order_test_1' })
      .withMeta()
    expect(meta.headers.get('x-ratelimit-remaining')).toBe('99')
    expect(meta.headers.get('content-type')).toBe('application/json')
  })

  it('puts the response headers on every API error, a proxy’s too', async () => {
    server.queue({ status: 404, json: { statusCode: 404 }, headers: { 'x-trace': 't-1' } })
    const notFound = (await client()
      .request({ method: 'GET', path: '/orders/x' })
      .catch((e: unknown) => e)) as SmartpayError
    expect(notFound).toBeInstanceOf(NotFoundError)
    expect(notFound.headers?.get('x-trace')).toBe('t-1')

    const html = {
      status: 502,
      text: '<html>',
      headers: { 'content-type': 'text/html', via: 'proxy' },
    }
    server.queue(html, html, html)
    const proxy = (await client()
      .request({ method: 'GET', path: '/orders' })
      .catch((e: unknown) => e)) as SmartpayError
    expect(proxy).toBeInstanceOf(ApiServerError)
    expect(proxy.headers?.get('via')).toBe('proxy')
  })

  it('gives the call as a Fetch Response with asResponse()', async () => {
    server.queue({ status: 201, json: { id: 'cpn_test_1' }, headers: { 'request-id': 'req_7' } })
    const response = await client()
      .request({ method: 'POST', path: '/coupons', body: {} })
      .asResponse()
    expect(response).toBeInstanceOf(Response)
    expect(response.status).toBe(201)
    expect(response.headers.get('request-id')).toBe('req_7')
    expect(await response.json()).toEqual({ id: 'cpn_test_1' })
  })

  it('gives a bodiless answer as a Response without a body', async () => {
    server.queue({ status: 204 })
    const response = await client()
      .request({ method: 'DELETE', path: '/tokens/paytok_test_1' })
      .asResponse()
    expect(response.status).toBe(204)
    expect(await response.text()).toBe('')
  })

  it('gives a list’s first page with its metadata from withMeta()', async () => {
    const page: Collection<{ id: string }> = { data: [{ id: 'order_test_1' }], nextPageToken: 'n' }
    server.queue({ json: page, headers: { 'request-id': 'req_list' } })
    const { data, meta } = await paginate<{ id: string }>(client(), {
      method: 'GET',
      path: '/orders',
    }).withMeta()
    expect(data.data).toEqual([{ id: 'order_test_1' }])
    expect(data.hasNextPage()).toBe(true)
    expect(meta.requestId).toBe('req_list')
    expect(meta.headers.get('request-id')).toBe('req_list')
  })

  it('redacts a key the server echoed in meta.headers and meta.requestId, not in asResponse()', async () => {
    const echo = { 'request-id': `req ${KEY}`, 'x-echo': btoa(`${KEY}:`), 'x-trace': 't-2' }
    server.queue({ json: { id: 'order_test_1' }, headers: echo }, { json: {}, headers: echo })
    const { meta } = await client()
      .request({ method: 'GET', path: '/orders/order_test_1' })
      .withMeta()
    expect(meta.requestId).toBe('sk_test_...1taz')
    expect(meta.headers.get('x-echo')).toBe('sk_test_...1taz')
    expect(meta.headers.get('x-trace')).toBe('t-2')
    expect(JSON.stringify({ ...meta, headers: [...meta.headers] })).not.toContain('Ho1BrYTcg3gA')
    // asResponse() gives the answer as the server sent it: raw, as its docs say.
    const raw = await client().request({ method: 'GET', path: '/orders/order_test_1' }).asResponse()
    expect(raw.headers.get('x-echo')).toBe(btoa(`${KEY}:`))
    expect(raw.headers.get('request-id')).toBe(`req ${KEY}`)
  })
})
