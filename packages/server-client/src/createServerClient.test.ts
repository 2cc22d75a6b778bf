import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createServerClient,
  InsecureUrlError,
  InvalidKeyError,
  parseSecretKey,
  ValidationError,
} from './index.js'

const KEY = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const SECRET_PART = 'Ho1BrYTcg3gAX4vTKk1taz'

function thrown(run: () => unknown): Error {
  try {
    run()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a throw')
}

afterEach(() => {
  vi.unstubAllEnvs()
})

describe('createServerClient', () => {
  it('takes a secret key and reports its mode', () => {
    expect(createServerClient({ secretKey: KEY }).mode).toBe('test')
    expect(createServerClient({ secretKey: 'sk_live_abc' }).mode).toBe('live')
  })

  it('takes a key narrowed from an env string with parseSecretKey', () => {
    const fromEnv: string = KEY
    expect(createServerClient({ secretKey: parseSecretKey(fromEnv) }).mode).toBe('test')
  })

  it('refuses a public key, pointing to the public client', () => {
    const error = thrown(() => createServerClient({ secretKey: 'pk_test_abc' as never }))
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect(error.message).toContain('@smartpay-kit/public-client')
  })

  it.each([
    ['an unknown prefix', 'rk_test_abc'],
    ['an unknown mode', 'sk_prod_abc'],
    ['whitespace', ` ${KEY}`],
    ['a number', 42],
  ])('refuses %s', (_, key) => {
    expect(thrown(() => createServerClient({ secretKey: key as never }))).toBeInstanceOf(
      InvalidKeyError,
    )
  })

  it('reads SMARTPAY_SECRET_KEY when no key is passed', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', 'sk_live_fromEnv123')
    expect(createServerClient().mode).toBe('live')
  })

  it('prefers the key passed over the environment', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', 'sk_live_fromEnv123')
    expect(createServerClient({ secretKey: KEY }).mode).toBe('test')
  })

  it('refuses a public key from the environment too', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', 'pk_live_fromEnv123')
    const error = thrown(() => createServerClient())
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect(error.message).toContain('@smartpay-kit/public-client')
  })

  it('without any key, says where one goes', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    const error = thrown(() => createServerClient())
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect(error.message).toMatch(/secretKey.*SMARTPAY_SECRET_KEY/)
  })

  it('lists secretKey among the valid options when an option is unknown', () => {
    const error = thrown(() => createServerClient({ secretKey: KEY, secretkey: KEY } as never))
    expect(error).toBeInstanceOf(ValidationError)
    expect(error.message).toMatch(
      /Invalid client option "secretkey": expected one of .*\bsecretKey\b/,
    )
    expect(error.message).not.toContain(KEY)
  })

  it('refuses a plain-http base URL', () => {
    const error = thrown(() =>
      createServerClient({ secretKey: KEY, baseUrl: 'http://api.smartpay.co/v1' }),
    )
    expect(error).toBeInstanceOf(InsecureUrlError)
  })

  it('never shows the key: not in inspect, JSON, String or errors of its options', () => {
    const client = createServerClient({ secretKey: KEY })
    const dumps = [
      inspect(client, { depth: 10, showHidden: true }),
      JSON.stringify(client),
      String(Object.entries(client)),
      inspect(client.orders, { depth: 10, showHidden: true }),
    ]
    for (const dump of dumps) {
      expect(dump).not.toContain(SECRET_PART)
      expect(dump).not.toContain(btoa(`${KEY}:`))
    }
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      mode: 'test',
      key: 'sk_test_…1taz',
      baseUrl: 'https://api.smartpay.co/v1',
    })
    expect(inspect(client)).toContain('sk_test_…1taz')
    const error = thrown(() => createServerClient({ secretKey: `${KEY}!` as never }))
    expect(`${error.message}${JSON.stringify(error)}`).not.toContain(SECRET_PART)
  })

  it('is frozen', () => {
    const client = createServerClient({ secretKey: KEY })
    expect(Object.isFrozen(client)).toBe(true)
  })

  it('builds checkout URLs with a promotion code merged into the query', () => {
    const client = createServerClient({ secretKey: KEY })
    const session = { url: 'https://checkout.smartpay.co/checkout_test_a.b.c?demo=true' }
    expect(client.checkoutUrl(session, { promotionCode: 'SPRING 10' })).toBe(
      'https://checkout.smartpay.co/checkout_test_a.b.c?demo=true&promotion-code=SPRING+10',
    )
    expect(client.checkoutUrl(session.url)).toBe(session.url)
    expect(() => client.checkoutUrl({})).toThrow(TypeError)
  })
})
