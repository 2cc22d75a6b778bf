import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { PermissionDeniedError } from '../../packages/core/src/index.js'
import { createServerClient } from '../../packages/server-client/src/index.js'
import { failure } from '../support/failure.js'
import { startTestServer, type TestServer } from '../support/httpsServer.js'

// Every error code the API documents (shared/smartpay-api.md §5.2), answered by a real local
// HTTPS server, and what the error's hint says of it: the key only where the key is at fault.
let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server?.close())
beforeEach(() => server.reset())

const smartpay = () =>
  createServerClient({
    secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz',
    baseUrl: server.baseUrl,
    fetch: server.fetch,
    maxRetries: 0,
  })

/** [status, errorCode, what the API's error is about]. */
const CODES: [number, string | undefined, 'key' | 'id' | 'other'][] = [
  [400, 'request.invalid', 'other'],
  [400, 'request.malformed', 'other'],
  [400, 'token.invalid', 'other'],
  [401, undefined, 'key'],
  [403, 'amount.insufficient', 'other'],
  [403, undefined, 'key'],
  [404, 'order.not-found', 'id'],
  [404, 'payment.not-found', 'id'],
  [404, 'token.not-found', 'id'],
  [404, 'coupon.not-found', 'id'],
  [409, 'order.cannot-capture', 'other'],
  [409, 'payment.excessive-amount', 'other'],
  [409, 'order.cannot-cancel', 'other'],
  [409, 'promotion-code.exists', 'other'],
]

describe('an API error’s hint', () => {
  it.each(CODES)('fits a %s %s', async (status, errorCode, about) => {
    const body = errorCode
      ? { statusCode: status, errorCode, message: 'The API said so.', details: [] }
      : { statusCode: status, scheme: 'Basic', realm: 'smartpay' }
    server.queue({ status, json: body })
    const error = await failure(smartpay().orders.retrieve('order_test_1'))
    const hint = error.message.replace(/^.*\] GET \/orders\/order_test_1\.? ?/, '')
    expect(/\bkey\b/.test(hint.replace('-mode key sees', '')), hint).toBe(about === 'key')
    expect(hint.startsWith('Check the'), hint).toBe(about === 'id')
  })

  it('of a refund over what is left says so, and nothing of the key (the review’s case)', async () => {
    server.queue({
      status: 403,
      json: {
        statusCode: 403,
        errorCode: 'amount.insufficient',
        message: 'The refund amount exceeds the refundable amount.',
        details: [],
      },
    })
    const error = await failure(
      smartpay().refunds.create({
        payment: 'payment_test_1',
        amount: 5000,
        currency: 'JPY',
        reason: 'requested_by_customer',
      }),
    )
    expect(error).toBeInstanceOf(PermissionDeniedError)
    expect(error.code).toBe('amount.insufficient')
    expect(error.message).toBe(
      'The refund amount exceeds the refundable amount. [HTTP 403 amount.insufficient] POST /refunds. The amount is more than the payment has left to refund.',
    )
    expect(error.message).not.toMatch(/may not make this call/)
  })
})
