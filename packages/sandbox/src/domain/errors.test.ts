import { describe, expect, it } from 'vitest'
import { ApiError, invalidRequest, notFound } from './errors.js'

describe('ApiError', () => {
  it('gives the API error body, and nothing else', () => {
    const error = new ApiError(409, 'order.cannot-cancel', 'Order is succeeded.')
    expect(error.name).toBe('ApiError')
    expect(error).toBeInstanceOf(Error)
    expect(error.toBody()).toEqual({
      statusCode: 409,
      errorCode: 'order.cannot-cancel',
      message: 'Order is succeeded.',
      details: [],
    })
  })
})

describe('invalidRequest', () => {
  it('is a 400 whose message names the first problem and counts the rest', () => {
    const details = [
      { path: 'items[0].amount', message: 'must be an integer' },
      { path: 'currency', message: 'is required' },
      { path: 'successUrl', message: 'must be an https URL' },
    ]
    const error = invalidRequest(details)
    expect(error.toBody()).toEqual({
      statusCode: 400,
      errorCode: 'request.invalid',
      message: 'The request is invalid: items[0].amount: must be an integer (and 2 more).',
      details,
    })
  })

  it('calls an empty path the body, and has a message without details too', () => {
    expect(invalidRequest([{ path: '', message: 'must be an object' }]).message).toBe(
      'The request is invalid: body: must be an object.',
    )
    expect(invalidRequest([]).message).toBe('The request is invalid: invalid request.')
  })
})

describe('notFound', () => {
  it('is a 404 named after the resource, reminding that modes are separate', () => {
    expect(notFound('checkout-session', 'checkout_live_x').toBody()).toEqual({
      statusCode: 404,
      errorCode: 'checkout-session.not-found',
      message:
        'No checkout session with id "checkout_live_x" exists in this mode (test and live objects are separate).',
      details: [],
    })
  })
})
