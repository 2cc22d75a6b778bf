import { describe, expectTypeOf, it } from 'vitest'
import {
  type ApiPromise,
  createServerClient,
  type Mode,
  type PagePromise,
  parseSecretKey,
  type SecretKey,
  type ServerClient,
} from './index.js'

describe('createServerClient key types', () => {
  it('accepts sk_ literals of either mode', () => {
    expectTypeOf(createServerClient({ secretKey: 'sk_test_abc' })).toEqualTypeOf<ServerClient>()
    expectTypeOf(createServerClient({ secretKey: 'sk_live_abc' })).toEqualTypeOf<ServerClient>()
  })

  it('refuses pk_ literals and other strings', () => {
    // @ts-expect-error a public key cannot drive the server client
    createServerClient({ secretKey: 'pk_test_abc' })
    // @ts-expect-error an unknown mode is not a key
    createServerClient({ secretKey: 'sk_prod_abc' })
  })

  it('refuses a plain string until it is parsed', () => {
    const fromEnv: string = 'sk_test_abc'
    // @ts-expect-error a plain string is not a SecretKey
    createServerClient({ secretKey: fromEnv })
    const key = parseSecretKey(fromEnv)
    expectTypeOf(key).toEqualTypeOf<SecretKey>()
    createServerClient({ secretKey: key })
  })

  it('may be called without options (the key then comes from the environment)', () => {
    expectTypeOf(createServerClient)
      .parameter(0)
      .toEqualTypeOf<Parameters<typeof createServerClient>[0]>()
    createServerClient()
  })

  it('exposes the mode as a union', () => {
    expectTypeOf<ServerClient['mode']>().toEqualTypeOf<Mode>()
  })

  it('accepts only known auth schemes', () => {
    createServerClient({ secretKey: 'sk_test_a', authScheme: 'bearer' })
    // @ts-expect-error no such scheme
    createServerClient({ secretKey: 'sk_test_a', authScheme: 'digest' })
  })
})

describe('method shapes', () => {
  const client = createServerClient({ secretKey: 'sk_test_abc' })

  it('lists return a PagePromise and bodiless calls resolve to void', () => {
    expectTypeOf(client.orders.list()).toMatchTypeOf<PagePromise<{ id: string }>>()
    expectTypeOf(client.tokens.enable('paytok_test_a')).toEqualTypeOf<ApiPromise<void>>()
    expectTypeOf(client.tokens.delete('paytok_test_a')).toEqualTypeOf<ApiPromise<void>>()
    expectTypeOf(client.webhookEndpoints.delete('webhookendpoint_test_a')).toEqualTypeOf<
      ApiPromise<void>
    >()
  })

  it('take call options last', () => {
    const signal = new AbortController().signal
    client.orders.retrieve('order_test_a', { expand: 'all' }, { signal, timeout: 1000 })
    client.orders.cancel('order_test_a', { idempotencyKey: 'cancel-1' })
    client.payments.update('payment_test_a', { reference: 'r' }, { maxRetries: 0 })
    client.coupons.retrieve('coupon_test_a', { totalTimeout: 5000 })
    // @ts-expect-error coupons cannot be expanded, so retrieve takes call options second
    client.coupons.retrieve('coupon_test_a', { expand: 'all' })
    // @ts-expect-error expand takes all or no
    client.orders.retrieve('order_test_a', { expand: 'yes' })
  })
})
