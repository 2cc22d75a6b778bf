import { describe, expect, it } from 'vitest'
import { API_ROUTES } from '../src/api/resources/index.js'
import { modeOfId, newId, newSigningSecret } from '../src/domain/ids.js'

describe('ids', () => {
  it('use the API prefixes, the mode and 22 alphanumerics', () => {
    expect(newId('promotionCode', 'test')).toMatch(/^promotioncode_test_[0-9A-Za-z]{22}$/)
    expect(newId('webhookEndpoint', 'live')).toMatch(/^webhookendpoint_live_[0-9A-Za-z]{22}$/)
    expect(newId('token', 'test')).toMatch(/^paytok_test_[0-9A-Za-z]{22}$/)
    expect(newId('event', 'live')).toMatch(/^evt_live_[0-9A-Za-z]{22}$/)
    expect(newId('lineItem', 'test')).toMatch(/^li_test_[0-9A-Za-z]{22}$/)
    expect(newId('order', 'test')).not.toBe(newId('order', 'test'))
  })

  it('carry their mode', () => {
    expect(modeOfId('checkout_live_abc')).toBe('live')
    expect(modeOfId('checkout_test_abc')).toBe('test')
    expect(modeOfId('checkout_abc')).toBeUndefined()
  })

  it('make 40-character base62 signing secrets', () => {
    expect(newSigningSecret()).toMatch(/^[0-9A-Za-z]{40}$/)
  })
})

describe('route table', () => {
  it('covers the 34 operations (token-mode session creation shares POST /checkout-sessions)', () => {
    expect(API_ROUTES).toHaveLength(33)
    expect(new Set(API_ROUTES.map((r) => r.operation)).size).toBe(33)
    expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(33)
  })
})
