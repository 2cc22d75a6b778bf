import { describe, expect, it } from 'vitest'
import { InsecureUrlError } from '../errors/errors.js'
import { DEFAULT_BASE_URL, resolveBaseUrl } from './baseUrl.js'

describe('resolveBaseUrl', () => {
  it('defaults to the production API and trims trailing slashes', () => {
    expect(resolveBaseUrl(undefined)).toBe(DEFAULT_BASE_URL)
    expect(resolveBaseUrl('https://api.example.test/v1///')).toBe('https://api.example.test/v1')
  })

  it.each(['http://api.smartpay.co/v1', 'ftp://api.smartpay.co', 'ws://127.0.0.1/v1', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(() => resolveBaseUrl(url)).toThrow(InsecureUrlError)
    },
  )

  it('refuses credentials, queries and fragments in the URL', () => {
    expect(() => resolveBaseUrl('https://sk_test_x:@api.smartpay.co/v1')).toThrow(/credentials/)
    expect(() => resolveBaseUrl('https://api.smartpay.co/v1?a=1')).toThrow(/query/)
  })

  it('allows plain http to loopback only with the loud opt-in', () => {
    expect(() => resolveBaseUrl('http://127.0.0.1:4010/v1')).toThrow(
      /dangerouslyAllowInsecureLoopback/,
    )
    expect(resolveBaseUrl('http://127.0.0.1:4010/v1', true)).toBe('http://127.0.0.1:4010/v1')
    expect(resolveBaseUrl('http://localhost:4010', true)).toBe('http://localhost:4010')
    expect(resolveBaseUrl('http://[::1]:4010', true)).toBe('http://[::1]:4010')
  })

  it('refuses plain http to any other host even with the opt-in', () => {
    expect(() => resolveBaseUrl('http://api.smartpay.co/v1', true)).toThrow(InsecureUrlError)
    expect(() => resolveBaseUrl('http://192.168.1.5/v1', true)).toThrow(InsecureUrlError)
    expect(() => resolveBaseUrl('http://127.0.0.1.evil.test/v1', true)).toThrow(InsecureUrlError)
  })

  it.each([
    ['https://api.smartpay.co。evil.test/v1', 'api.smartpay.co.evil.test'],
    ['https://api.smartpay.co．evil.test/v1', 'api.smartpay.co.evil.test'],
    ['https://api.smartpay.co｡evil.test/v1', 'api.smartpay.co.evil.test'],
    ['https://ａｐｉ.smartpay.co/v1', 'api.smartpay.co'],
    ['https://api.ѕmartpay.co/v1', 'api.xn--martpay-iog.co'],
    ['https://api%2Esmartpay.co/v1', 'api.smartpay.co'],
    ['https://api.smart\tpay.co/v1', 'api.smartpay.co'],
    ['https://127.1:4010/v1', '127.0.0.1'],
    ['https://0x7f.0.0.1/v1', '127.0.0.1'],
  ])('refuses %s, whose host becomes another once normalised, naming it', (url, becomes) => {
    expect(() => resolveBaseUrl(url.replace('\\t', '\t'))).toThrow(
      new RegExp(`becomes "${becomes.replace(/\./g, '\\.')}" once parsed`),
    )
  })

  it('refuses a host that ends in a dot', () => {
    expect(() => resolveBaseUrl('https://api.smartpay.co./v1')).toThrow(
      'baseUrl host becomes "api.smartpay.co." once parsed: write it in ASCII, with no final dot',
    )
    expect(() => resolveBaseUrl('https://api.smartpay.co．/v1')).toThrow(
      /becomes "api\.smartpay\.co\." once parsed/,
    )
  })

  it.each([
    'https://\u00adapi.smartpay.co/v1',
    'https:/api.smartpay.co/v1',
    'https:api.smartpay.co/v1',
  ])('refuses %s, whose host as written is not the one parsed', (url) => {
    expect(() => resolveBaseUrl(url)).toThrow(/becomes "api\.smartpay\.co" once parsed/)
  })

  it('takes a host whose case or port is all that differs, and an IDN written in ASCII', () => {
    expect(resolveBaseUrl('https://API.SmartPay.co:443/v1')).toBe('https://api.smartpay.co/v1')
    expect(resolveBaseUrl('https://xn--mnchen-3ya.de/v1')).toBe('https://xn--mnchen-3ya.de/v1')
    expect(resolveBaseUrl('  https://api.smartpay.co/v1  ')).toBe(DEFAULT_BASE_URL)
  })
})
