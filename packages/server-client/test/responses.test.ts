import { describe, expect, it } from 'vitest'
import {
  ApiServerError,
  AuthenticationError,
  BadRequestError,
  ConflictError,
  ConnectionError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  type SmartpayError,
  TimeoutError,
  UnexpectedResponseError,
} from '../src/index.js'
import * as f from './fixtures.js'
import { clientFor, failure, KEY, only, useServer } from './support.js'

const ctx = useServer()
const retrieve = (options = {}) => clientFor(ctx.server, options).orders.retrieve(f.ids.order)

describe('failing statuses', () => {
  const table: { status: number; type: typeof SmartpayError; code: string | undefined }[] = [
    { status: 400, type: BadRequestError, code: 'request.invalid' },
    { status: 401, type: AuthenticationError, code: undefined },
    { status: 403, type: PermissionDeniedError, code: 'amount.insufficient' },
    { status: 404, type: NotFoundError, code: 'order.not-found' },
    { status: 409, type: ConflictError, code: 'order.cannot-capture' },
    { status: 429, type: RateLimitError, code: 'rate-limited' },
    { status: 500, type: ApiServerError, code: 'internal' },
    { status: 503, type: ApiServerError, code: 'unavailable' },
  ]
  it.each(table)('HTTP $status rejects with $type.kind', async ({ status, type, code }) => {
    // 401 bodies are { statusCode, scheme, realm } (smartpay-api.md §5.1).
    const json =
      status === 401
        ? { statusCode: 401, scheme: 'Basic', realm: 'smartpay' }
        : { statusCode: status, errorCode: code, message: 'Refused', details: [] }
    ctx.server.handle(() => ({ status, json }))
    const error = await failure(retrieve({ maxRetries: 1 }))
    expect(error).toBeInstanceOf(type)
    expect(error.status).toBe(status)
    expect(error.code).toBe(code)
    expect(error.message).not.toContain(KEY)
    // 429 and 5xx are retried (once here); the rest are not.
    expect(ctx.server.requests).toHaveLength(status === 429 || status >= 500 ? 2 : 1)
  })

  it('a 404 explains that test and live objects are separate', async () => {
    ctx.server.queue({ status: 404, json: { statusCode: 404, errorCode: 'order.not-found' } })
    const error = await failure(retrieve())
    expect(error.message).toMatch(/test-mode key sees only test objects/)
  })
})

describe('odd answers', () => {
  it('a 204 resolves to undefined', async () => {
    ctx.server.queue({ status: 204 })
    await expect(retrieve()).resolves.toBeUndefined()
  })

  it('an empty 200 resolves to undefined, even with a JSON content type', async () => {
    ctx.server.queue({ status: 200, text: '', headers: { 'content-type': 'application/json' } })
    await expect(clientFor(ctx.server).tokens.enable(f.ids.token)).resolves.toBeUndefined()
  })

  it('a non-JSON 502 from a proxy rejects with ApiServerError carrying the text', async () => {
    ctx.server.handle(() => ({
      status: 502,
      text: '<html>Bad Gateway</html>',
      headers: { 'content-type': 'text/html' },
    }))
    const error = await failure(retrieve({ maxRetries: 0 }))
    expect(error).toBeInstanceOf(ApiServerError)
    expect(error.status).toBe(502)
    expect(error.details).toEqual({ body: '<html>Bad Gateway</html>' })
  })

  it('a non-JSON 200 rejects with UnexpectedResponseError', async () => {
    ctx.server.queue({ status: 200, text: 'OK', headers: { 'content-type': 'text/plain' } })
    expect(await failure(retrieve())).toBeInstanceOf(UnexpectedResponseError)
  })

  it('a dropped connection rejects with ConnectionError after the retries', async () => {
    ctx.server.handle(() => ({ drop: true }))
    const error = await failure(retrieve({ maxRetries: 1 }))
    expect(error).toBeInstanceOf(ConnectionError)
    expect(ctx.server.requests).toHaveLength(2)
  })

  it('a slow answer rejects with TimeoutError', async () => {
    ctx.server.handle(() => ({ delayMs: 300, json: f.order }))
    const error = await failure(retrieve({ timeout: 50, maxRetries: 0 }))
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('a per-call timeout overrides the client’s', async () => {
    ctx.server.handle(() => ({ delayMs: 300, json: f.order }))
    const client = clientFor(ctx.server, { timeout: 5_000, maxRetries: 0 })
    const error = await failure(client.orders.retrieve(f.ids.order, {}, { timeout: 50 }))
    expect(error).toBeInstanceOf(TimeoutError)
  })
})

describe('response validation', () => {
  const wrong = { ...f.order, amount: 'a lot' }

  it('is off by default: an unexpected shape passes through', async () => {
    ctx.server.queue({ json: wrong })
    await expect(retrieve()).resolves.toEqual(wrong)
  })

  it('with validateResponses, an unexpected shape rejects naming the field', async () => {
    ctx.server.queue({ json: wrong })
    const error = await failure(retrieve({ validateResponses: true }))
    expect(error).toBeInstanceOf(UnexpectedResponseError)
    expect(error.message).toContain('"amount"')
  })

  it('with validateResponses, unknown fields are kept', async () => {
    ctx.server.queue({ json: { ...f.order, newField: 1 } })
    await expect(retrieve({ validateResponses: true })).resolves.toMatchObject({ newField: 1 })
  })

  it('with validateResponses, every item of a page is checked', async () => {
    ctx.server.queue({ json: f.collection([f.order, wrong]) })
    const client = clientFor(ctx.server, { validateResponses: true })
    const error = await failure(client.orders.list())
    expect(error.message).toContain('"data.1.amount"')
  })

  it('withMeta gives the status and the idempotency key sent', async () => {
    ctx.server.queue({ json: f.order })
    const { data, meta } = await clientFor(ctx.server).orders.cancel(f.ids.order).withMeta()
    expect(data.id).toBe(f.ids.order)
    expect(meta.status).toBe(200)
    expect(meta.idempotencyKey).toBe(only(ctx.server).headers['idempotency-key'])
  })
})
