import { describe, expect, it } from 'vitest'
import {
  BASE62_ALPHABET,
  modeOfId,
  newId,
  newRequestId,
  newSigningSecret,
  randomBase62,
} from './ids.js'

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

describe('newRequestId', () => {
  it('has no mode: req_ and 22 alphanumerics', () => {
    expect(newRequestId()).toMatch(/^req_[0-9A-Za-z]{22}$/)
    expect(modeOfId(newRequestId())).toBeUndefined()
  })
})

describe('randomBase62', () => {
  it('gives exactly the length asked, in the base62 alphabet', () => {
    for (const length of [0, 1, 22, 300]) {
      const text = randomBase62(length)
      expect(text).toHaveLength(length)
      for (const char of text) expect(BASE62_ALPHABET).toContain(char)
    }
  })

  it('reaches every character of the alphabet', () => {
    // 20 000 draws: the chance that one of 62 characters never comes is below 1e-130.
    expect(new Set(randomBase62(20_000)).size).toBe(62)
  })
})
