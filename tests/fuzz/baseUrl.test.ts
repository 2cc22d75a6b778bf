import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createTransport, InsecureUrlError } from '../../packages/core/src/index.js'
import { createPublicClient } from '../../packages/public-client/src/index.js'
import { createServerClient } from '../../packages/server-client/src/index.js'
import corpus from './corpus.json' with { type: 'json' }

// Lookalike base URLs: a host that becomes another once parsed is refused at construction,
// naming the host it became, before any request (the fetch below counts every call).
let calls = 0
const fetch = (() => {
  calls++
  return Promise.reject(new TypeError('no network in this test'))
}) as typeof globalThis.fetch

/** Constructs each client with `baseUrl`; the error each threw, or none. */
function construct(baseUrl: string): unknown[] {
  const attempts = [
    () => createServerClient({ secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz', baseUrl, fetch }),
    () => createPublicClient({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj', baseUrl, fetch }),
    () => createTransport('sk_test_Ho1BrYTcg3gAX4vTKk1taz', 'basic', { baseUrl, fetch }),
  ]
  return attempts.map((make) => {
    try {
      make()
      return undefined
    } catch (error) {
      return error
    }
  })
}

/** What the WHATWG URL parser maps to `.` in a host. */
const DOTS = ['.', '。', '．', '｡', '%2e', '%2E']
/** Letters that pass for Latin ones and become something else. */
const LOOKALIKES = ['а', 'ѕ', 'ｍ', 'Ａ', 'ℯ', 'р']

describe('a lookalike base URL', () => {
  it.each(corpus.baseUrls)('$url is refused, naming $becomes', ({ url, becomes }) => {
    for (const error of construct(url)) {
      expect(error).toBeInstanceOf(InsecureUrlError)
      expect((error as Error).message).toContain(JSON.stringify(becomes))
    }
    expect(calls).toBe(0)
  })

  it('is refused whenever its host changes once parsed, and taken when it does not', () => {
    const label = fc.stringMatching(/^[a-z0-9]{1,8}$/)
    fc.assert(
      fc.property(
        fc.array(fc.tuple(label, fc.constantFrom(...DOTS)), { minLength: 1, maxLength: 4 }),
        label,
        fc.option(fc.constantFrom(...LOOKALIKES), { nil: undefined }),
        (parts, tld, lookalike) => {
          const written = parts.map(([l, dot]) => l + dot).join('') + (lookalike ?? '') + tld
          const url = `https://${written}/v1`
          let host: string
          try {
            host = new URL(url).hostname
          } catch {
            return // not a URL at all: refused as such
          }
          const errors = construct(url)
          if (host === written.toLowerCase()) {
            expect(errors).toEqual([undefined, undefined, undefined])
          } else {
            for (const error of errors) {
              expect(error, url).toBeInstanceOf(InsecureUrlError)
              expect((error as Error).message).toContain(`becomes ${JSON.stringify(host)}`)
            }
          }
        },
      ),
      { numRuns: 300 },
    )
    expect(calls).toBe(0)
  })
})
