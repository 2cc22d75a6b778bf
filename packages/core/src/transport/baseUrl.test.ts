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
})
