import { inspect } from 'node:util'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createServerClient,
  createServerTransport,
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

/** A fetch that records each request and answers 200 with an empty order list. */
function recorder() {
  const sent: Request[] = []
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push(new Request(input, init))
    const body = { object: 'collection', data: [], results: 0, maxResults: 20 }
    return Response.json(body, { headers: { 'request-id': 'req_test' } })
  }
  return { sent, fetch: fetch as typeof globalThis.fetch }
}

/** What a promise rejected with (it must reject). */
async function rejection(promise: PromiseLike<unknown>): Promise<Error> {
  try {
    await promise
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a rejection')
}

describe('createServerClient without a key (module level, a build without the secret)', () => {
  it('is made, and its first call rejects with InvalidKeyError naming SMARTPAY_SECRET_KEY; nothing is sent', async () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    const { sent, fetch } = recorder()
    const smartpay = createServerClient({ fetch })
    const calls = [
      smartpay.orders.retrieve('order_test_abc'),
      smartpay.orders.list(),
      smartpay.payments.create({ order: 'order_test_abc', amount: 100, currency: 'JPY' }),
      smartpay.request({ method: 'GET', path: '/payouts' }),
    ]
    for (const call of calls) {
      const error = await rejection(call)
      expect(error).toBeInstanceOf(InvalidKeyError)
      expect((error as InvalidKeyError).rule).toBe('no key was given')
      expect(error.message).toMatch(/^No secret key: SMARTPAY_SECRET_KEY is not set/)
      expect(error.message).toContain('secretKey')
    }
    expect(thrown(() => smartpay.mode)).toBeInstanceOf(InvalidKeyError)
    expect(sent).toEqual([])
  })

  it('can still be logged, saying when the key is read', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    const smartpay = createServerClient()
    expect(JSON.parse(JSON.stringify(smartpay))).toEqual({
      mode: null,
      key: 'none yet (SMARTPAY_SECRET_KEY is read at the first call)',
      baseUrl: 'https://api.smartpay.co/v1',
    })
    expect(inspect(smartpay)).toContain('none yet')
  })

  it('reads SMARTPAY_SECRET_KEY at the first call when it was set after the client was made', async () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    const { sent, fetch } = recorder()
    const smartpay = createServerClient({ fetch })
    await rejection(smartpay.orders.list())
    vi.stubEnv('SMARTPAY_SECRET_KEY', KEY)
    await smartpay.orders.list()
    expect(sent).toHaveLength(1)
    expect(sent[0]?.headers.get('authorization')).toBe(`Basic ${btoa(`${KEY}:`)}`)
    expect(smartpay.mode).toBe('test')
    // Read once: the client keeps the key it found.
    vi.stubEnv('SMARTPAY_SECRET_KEY', 'sk_live_otherKey123')
    expect(smartpay.mode).toBe('test')
  })

  it('takes an empty SMARTPAY_SECRET_KEY (a CI secret that is not set) as unset', async () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', '')
    const smartpay = createServerClient()
    expect(await rejection(smartpay.orders.list())).toBeInstanceOf(InvalidKeyError)
  })

  it('still checks its other options at once', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    expect(
      thrown(() => createServerClient({ baseUrl: 'http://api.smartpay.co/v1' })),
    ).toBeInstanceOf(InsecureUrlError)
    expect(thrown(() => createServerClient({ timeout: -1 }))).toBeInstanceOf(ValidationError)
    expect(thrown(() => createServerClient({ secretkey: KEY } as never))).toBeInstanceOf(
      ValidationError,
    )
  })

  it('refuses a bad key at once: one passed, or one the environment holds, naming the variable', () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    expect(thrown(() => createServerClient({ secretKey: 'sk_test_a b' as never }))).toBeInstanceOf(
      InvalidKeyError,
    )
    expect(thrown(() => createServerClient({ secretKey: '' as never })).message).toContain(
      'no key was given',
    )
    vi.stubEnv('SMARTPAY_SECRET_KEY', ` ${KEY}`)
    const error = thrown(() => createServerClient())
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect(error.message).toMatch(
      /^SMARTPAY_SECRET_KEY \(read from the environment\) is not usable\. Invalid secret key/,
    )
    expect(error.message).not.toContain(SECRET_PART)
    vi.stubEnv('SMARTPAY_SECRET_KEY', 'pk_test_abcdefghijklmnop1234')
    expect(thrown(() => createServerClient()).message).toMatch(
      /^SMARTPAY_SECRET_KEY holds a public key/,
    )
  })

  it('defers the same way as a bare transport, for the resource factories', async () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    const transport = createServerTransport()
    expect(transport.baseUrl).toBe('https://api.smartpay.co/v1')
    expect(await rejection(transport.request({ method: 'GET', path: '/orders' }))).toBeInstanceOf(
      InvalidKeyError,
    )
  })
})

describe('SMARTPAY_API_PREFIX', () => {
  it('is the base URL when none is passed, normalised', async () => {
    vi.stubEnv('SMARTPAY_API_PREFIX', 'https://127.0.0.1:4242/v1/')
    const { sent, fetch } = recorder()
    const smartpay = createServerClient({ secretKey: KEY, fetch })
    expect(JSON.parse(JSON.stringify(smartpay)).baseUrl).toBe('https://127.0.0.1:4242/v1')
    await smartpay.orders.list()
    expect(sent[0]?.url).toBe('https://127.0.0.1:4242/v1/orders')
  })

  it('is read at the first call too, by a client made without a key', async () => {
    vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
    vi.stubEnv('SMARTPAY_API_PREFIX', undefined)
    const { sent, fetch } = recorder()
    const smartpay = createServerClient({ fetch })
    vi.stubEnv('SMARTPAY_SECRET_KEY', KEY)
    vi.stubEnv('SMARTPAY_API_PREFIX', 'https://127.0.0.1:4242/v1')
    await smartpay.orders.list()
    expect(sent[0]?.url).toBe('https://127.0.0.1:4242/v1/orders')
  })

  it('gives way to a baseUrl passed, and to nothing when empty', () => {
    vi.stubEnv('SMARTPAY_API_PREFIX', 'https://127.0.0.1:4242/v1')
    const passed = createServerClient({ secretKey: KEY, baseUrl: 'https://proxy.example/v1' })
    expect(JSON.parse(JSON.stringify(passed)).baseUrl).toBe('https://proxy.example/v1')
    vi.stubEnv('SMARTPAY_API_PREFIX', '')
    const empty = createServerClient({ secretKey: KEY })
    expect(JSON.parse(JSON.stringify(empty)).baseUrl).toBe('https://api.smartpay.co/v1')
  })

  it.each([
    ['plain http', 'http://api.smartpay.co/v1', /must use https/],
    ['plain http on loopback', 'http://127.0.0.1:4242/v1', /must use https/],
    ['not a URL', 'api.smartpay.co/v1', /not an absolute URL/],
    ['credentials', 'https://user:pass@api.smartpay.co/v1', /credentials/],
  ])(
    'is refused at once when it holds %s, naming the variable and not echoing it',
    (_, value, reason) => {
      vi.stubEnv('SMARTPAY_API_PREFIX', value)
      for (const make of [
        () => createServerClient({ secretKey: KEY }),
        () => createServerClient(),
      ]) {
        vi.stubEnv('SMARTPAY_SECRET_KEY', undefined)
        const error = thrown(make)
        expect(error).toBeInstanceOf(InsecureUrlError)
        expect(error.message).toMatch(
          /^SMARTPAY_API_PREFIX \(read from the environment\) is not usable\. /,
        )
        expect(error.message).toMatch(reason)
        expect(error.message).not.toContain('pass')
      }
    },
  )

  it('allows http on loopback only with dangerouslyAllowInsecureLoopback, as baseUrl does', () => {
    vi.stubEnv('SMARTPAY_API_PREFIX', 'http://127.0.0.1:4242/v1')
    const client = createServerClient({ secretKey: KEY, dangerouslyAllowInsecureLoopback: true })
    expect(JSON.parse(JSON.stringify(client)).baseUrl).toBe('http://127.0.0.1:4242/v1')
  })
})
