import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ApiPromise,
  type Collection,
  checkoutUrl,
  InvalidKeyError,
  PagePromise,
  parsePublicKey,
  parseSecretKey,
  ValidationError,
} from '../src/index.js'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
const body = (min = 1) =>
  fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: 40 })
const mode = fc.constantFrom('test', 'live')

/** Runs `fn`; returns what it threw, asserting that it is one of the documented errors. */
function thrown(
  fn: () => unknown,
  ...allowed: (abstract new (
    ...a: never[]
  ) => Error)[]
): Error | undefined {
  try {
    fn()
    return undefined
  } catch (error) {
    expect(allowed.some((E) => error instanceof E)).toBe(true)
    return error as Error
  }
}

describe('key parsers (property)', () => {
  it('accept exactly the documented format and return the input unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (value) => {
        const valid = /^sk_(test|live)_[0-9A-Za-z]+$/.test(value)
        const error = thrown(() => expect(parseSecretKey(value)).toBe(value), InvalidKeyError)
        expect(error === undefined).toBe(valid)
      }),
    )
  })

  it('accept every well-formed key of their kind', () => {
    fc.assert(
      fc.property(mode, body(), (m, b) => {
        expect(parseSecretKey(`sk_${m}_${b}`)).toBe(`sk_${m}_${b}`)
        expect(parsePublicKey(`pk_${m}_${b}`)).toBe(`pk_${m}_${b}`)
      }),
    )
  })

  it('never put a refused key into the error message', () => {
    const mangle = fc.constantFrom(
      (k: string) => ` ${k}`,
      (k: string) => `${k}\n`,
      (k: string) => `${k}\r\nX: y`,
      (k: string) => `${k}-`,
      (k: string) => k.replace(/^sk_/, 'pk_'),
      (k: string) => k.replace(/_(test|live)_/, '_prod_'),
      (k: string) => `${k}\u0000`,
    )
    fc.assert(
      fc.property(mode, body(12), mangle, (m, b, change) => {
        const key = change(`sk_${m}_${b}`)
        for (const parse of [parseSecretKey, parsePublicKey]) {
          const error = thrown(() => parse(key), InvalidKeyError)
          if (error) {
            expect(error.message).not.toContain(b)
            expect(JSON.stringify(error)).not.toContain(b)
          }
        }
      }),
    )
  })
})

describe('checkoutUrl (property)', () => {
  const https = fc.webUrl({
    validSchemes: ['https'],
    withQueryParameters: true,
    withFragments: true,
  })

  it('sets promotion-code exactly once and keeps every other query parameter', () => {
    fc.assert(
      fc.property(
        https,
        fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
        (raw, code) => {
          const before = new URL(raw)
          const after = new URL(checkoutUrl(raw, { promotionCode: code }))
          expect(after.searchParams.getAll('promotion-code')).toEqual([code])
          expect(after.origin).toBe(before.origin)
          expect(after.pathname).toBe(before.pathname)
          expect(after.hash).toBe(before.hash)
          before.searchParams.delete('promotion-code')
          after.searchParams.delete('promotion-code')
          expect([...after.searchParams]).toEqual([...before.searchParams])
        },
      ),
    )
  })

  it('refuses anything but an https URL, with a TypeError', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl({ validSchemes: ['http', 'https', 'ftp'] })),
        (raw) => {
          const error = thrown(() => checkoutUrl(raw), TypeError)
          let https = false
          try {
            https = new URL(raw).protocol === 'https:'
          } catch {}
          expect(error === undefined).toBe(https)
        },
      ),
    )
  })
})

describe('pagination (property)', () => {
  /** A fake API list: `total` items served `size` per page, with opaque tokens. */
  function pages(total: number, size: number) {
    const calls: (string | undefined)[] = []
    const fetchPage = (token: string | undefined) => {
      calls.push(token)
      const start = token === undefined ? 0 : Number(token.slice(4))
      const data = Array.from({ length: Math.min(size, total - start) }, (_, i) => start + i)
      const next = start + size < total ? `tok_${start + size}` : undefined
      const page: Collection<number> = {
        object: 'collection',
        data,
        nextPageToken: next,
        maxResults: size,
      }
      return new ApiPromise(
        Promise.resolve({
          data: page,
          meta: {
            status: 200,
            method: 'GET',
            path: '/x',
            idempotencyKey: undefined,
            idempotentReplayed: false,
            requestId: undefined,
            attempts: 1,
            headers: new Headers(),
          },
        }),
      )
    }
    return { calls, list: () => new PagePromise(fetchPage) }
  }

  it('yields every item once, in order, fetching each page once', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(120), fc.integer({ min: 1, max: 25 }), async (total, size) => {
        const { calls, list } = pages(total, size)
        const seen: number[] = []
        for await (const item of list()) seen.push(item)
        expect(seen).toEqual(Array.from({ length: total }, (_, i) => i))
        expect(calls.length).toBe(Math.max(1, Math.ceil(total / size)))
      }),
    )
  })

  it('awaits to the first page only, and toArray stops at its limit without over-fetching', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(120),
        fc.integer({ min: 1, max: 25 }),
        fc.integer({ min: 1, max: 150 }),
        async (total, size, limit) => {
          const first = pages(total, size)
          const page = await first.list()
          expect(page.data).toEqual(Array.from({ length: Math.min(size, total) }, (_, i) => i))
          expect(page.hasNextPage()).toBe(total > size)
          expect(first.calls).toEqual([undefined])

          const capped = pages(total, size)
          const items = await capped.list().toArray({ limit })
          expect(items).toEqual(Array.from({ length: Math.min(limit, total) }, (_, i) => i))
          expect(capped.calls.length).toBe(Math.max(1, Math.ceil(Math.min(limit, total) / size)))
        },
      ),
    )
  })

  it('refuses a toArray limit above the cap', async () => {
    await expect(pages(1, 1).list().toArray({ limit: 10_001 })).rejects.toBeInstanceOf(
      ValidationError,
    )
  })
})
