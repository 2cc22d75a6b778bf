import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors/errors.js'
import { checkPath } from './requestPath.js'

const BASE = 'https://api.smartpay.co/v1'

const refused = (path: string) => {
  try {
    checkPath('GET', path, BASE)
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return error as ValidationError
  }
  return undefined
}

/** A dot as a server may be told it: plain, escaped once or more, IIS's %u, full width. */
const DOT = ['.', '%2e', '%2E', '%252e', '%25252E', '%u002e', '．', '%EF%BC%8E']
/** A slash as a server may be told it. */
const SLASH = ['/', '\\', '%2f', '%2F', '%5c', '%5C', '%252f', '%255c']
/** What a server may drop from, or ignore after, a dot segment. */
const TAIL = ['', ';', ';jsessionid=x', '%3b', ' ', '%20', '.']

const traversal = fc
  .tuple(
    fc.constantFrom(...DOT),
    fc.constantFrom(...DOT),
    fc.constantFrom(...SLASH),
    fc.constantFrom(...TAIL),
    fc.constantFrom('', '\t', '\n', '\r\n'),
    fc.boolean(),
  )
  .map(([a, b, slash, tail, cut, single]) => `${a}${cut}${single ? '' : b}${tail}${slash}`)
const segment = fc.stringMatching(/^[0-9A-Za-z_-]{1,12}$/)

describe('checkPath', () => {
  it('lets the paths the methods build through', () => {
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        expect(refused(`/${segments.join('/')}`)).toBeUndefined()
      }),
    )
    for (const path of [
      '/orders/order_test_1',
      '/checkout-sessions',
      '/orders/a%20b',
      '/x/y.json',
      '/a/..b/c...d',
    ])
      expect(refused(path), path).toBeUndefined()
  })

  it('refuses a . or .. segment however it is encoded, wherever it sits', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { maxLength: 3 }),
        traversal,
        fc.array(segment, { maxLength: 3 }),
        (before, dots, after) => {
          const path = `/${[...before, ''].join('/')}${dots}${after.join('/')}`
          const error = refused(path)
          expect(error, path).toBeDefined()
          expect(error?.message).toMatch(/would leave \/v1|not UTF-8/)
          expect(error?.field).toBe('path')
        },
      ),
    )
  })

  it('refuses the review’s /%2e%2e/admin and its siblings', () => {
    for (const path of [
      '/%2e%2e/admin',
      '/orders/%2E%2E/%2E%2E/admin',
      '/orders%2f..%2fadmin',
      '/orders/..%5cadmin',
      '/..\\admin',
      '/%252e%252e/admin',
      '/%c0%ae%c0%ae/admin',
      '/%e0%80%ae./admin',
      '/．．/admin',
      '/‥/admin',
      '/..;/admin',
      '/.\t./admin',
      '/.%0a./admin',
    ])
      expect(refused(path), path).toBeDefined()
  })

  it('refuses a path that does not start with /, or that holds a key', () => {
    expect(refused('orders')?.message).toContain('would leave /v1')
    expect(refused('?x=1')?.message).toContain('would leave /v1')
    const key = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
    for (const path of [
      `/orders/${key}`,
      `/o/${encodeURIComponent(key).replace(/./g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
    ]) {
      const error = refused(path)
      expect(error?.message).toContain('holds a key')
      expect(error?.message).not.toContain('Ho1BrYTcg3gA')
      expect(error?.path).not.toContain('Ho1BrYTcg3gA')
    }
  })

  it('holds for a base URL with a longer path, or none', () => {
    expect(() => checkPath('GET', '/%2e%2e/x', 'https://h.test/api/v1')).toThrow(ValidationError)
    expect(() => checkPath('GET', '/x/%2e%2e/y', 'https://h.test')).toThrow(ValidationError)
    expect(() => checkPath('GET', '/x/y', 'https://h.test')).not.toThrow()
  })
})
