import { describe, expect, it } from 'vitest'
import { errorHint } from './hints.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'

/** The API's error codes by status (shared/smartpay-api.md §5.2), and what each is about. */
const API_CODES: [status: number, code: string | undefined, about: 'key' | 'id' | 'other'][] = [
  [400, 'request.invalid', 'other'],
  [400, 'request.malformed', 'other'],
  [400, 'token.invalid', 'other'],
  [401, undefined, 'key'],
  [403, 'amount.insufficient', 'other'],
  [404, 'order.not-found', 'id'],
  [404, 'payment.not-found', 'id'],
  [404, 'token.not-found', 'id'],
  [404, 'coupon.not-found', 'id'],
  [409, 'order.cannot-capture', 'other'],
  [409, 'payment.excessive-amount', 'other'],
  [409, 'order.cannot-cancel', 'other'],
  [409, 'promotion-code.exists', 'other'],
]

describe('errorHint', () => {
  it.each(API_CODES)(
    'speaks of the key only where the key is at fault (%s %s)',
    (s, code, about) => {
      const hint = errorHint(s, code, KEY) ?? ''
      expect(/\bkey\b/.test(hint.replace('-mode key sees', '')), hint).toBe(about === 'key')
      expect(hint.includes('Check the id'), hint).toBe(about === 'id')
    },
  )

  it('says a 403 for an amount is about the amount, not the key', () => {
    expect(errorHint(403, 'amount.insufficient', KEY)).toBe(
      'The amount is more than the payment has left to refund.',
    )
  })

  it('blames the key on a 401 whatever its code, showing only its fingerprint', () => {
    for (const code of [undefined, 'auth.invalid']) {
      expect(errorHint(401, code, KEY)).toBe(
        'The key sk_test_…1taz is missing, wrong or outdated: copy the current one from the dashboard.',
      )
    }
  })

  it('blames the key on a 403 only without a code or with a .forbidden one', () => {
    expect(errorHint(403, undefined, KEY)).toBe('This key may not make this call.')
    expect(errorHint(403, 'request.forbidden', KEY)).toBe('This key may not make this call.')
    expect(errorHint(403, 'refund.window-closed', KEY)).toBeUndefined()
  })

  it('names the key’s mode on a 404, which also fits a wrong path when there is no code', () => {
    expect(errorHint(404, 'order.not-found', KEY)).toMatch(/^Check the id\. .* a test-mode key/)
    expect(errorHint(404, undefined, KEY)).toMatch(/^Check the path and the id\./)
    expect(errorHint(404, 'route.unknown', KEY)).toBeUndefined()
  })

  it('gives no hint for statuses and codes it knows nothing of', () => {
    for (const status of [400, 409, 418, 422, 429, 500, 503]) {
      expect(errorHint(status, 'something.else', KEY)).toBeUndefined()
    }
  })
})
