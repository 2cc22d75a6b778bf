import { parseSecretKey, type SecretKey } from '@smartpay-kit/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type CheckoutSession,
  type CheckoutSessionOrder,
  createPublicClient,
  type OrderStatus,
  type PublicClient,
  parsePublicKey,
} from './index.js'

// Layer 1 of the firewall: a secret key passed to the public client does not compile.

describe('createPublicClient types', () => {
  it('accepts public key literals and parsed keys', () => {
    expectTypeOf(
      createPublicClient({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj' }),
    ).toEqualTypeOf<PublicClient>()
    createPublicClient({ publicKey: 'pk_live_PCLEGPw9RrKIAlRcK504Bj' })
    createPublicClient({ publicKey: parsePublicKey('pk_test_PCLEGPw9RrKIAlRcK504Bj') })
  })

  it('refuses secret keys', () => {
    // @ts-expect-error a secret key literal
    createPublicClient({ publicKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz' })
    // @ts-expect-error a live secret key literal
    createPublicClient({ publicKey: 'sk_live_Ho1BrYTcg3gAX4vTKk1taz' })
    const secret: SecretKey = parseSecretKey('sk_test_Ho1BrYTcg3gAX4vTKk1taz')
    // @ts-expect-error a value typed SecretKey
    createPublicClient({ publicKey: secret })
    // @ts-expect-error a secret key under another name
    createPublicClient({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj', secretKey: secret })
  })

  it('refuses an unchecked string: parse env values with parsePublicKey first', () => {
    const fromEnv: string = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
    // @ts-expect-error string is not PublicKey
    createPublicClient({ publicKey: fromEnv })
  })

  it('does not let the auth scheme be changed', () => {
    // @ts-expect-error the public client always sends Bearer
    createPublicClient({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj', authScheme: 'basic' })
  })
})

describe('checkoutSessions.retrieve types', () => {
  const smartpay = createPublicClient({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj' })
  const id = 'checkout_test_a'

  it("types the order as the object with { expand: 'all' }, as the server client does", async () => {
    const { order, token } = await smartpay.checkoutSessions.retrieve(id, { expand: 'all' })
    expectTypeOf(order).toEqualTypeOf<CheckoutSessionOrder | undefined>()
    expectTypeOf(order?.status).toEqualTypeOf<OrderStatus | undefined>()
    expectTypeOf(token?.id).toEqualTypeOf<string | undefined>()
  })

  it('types the order as its id without expand, or with expand: no', async () => {
    expectTypeOf((await smartpay.checkoutSessions.retrieve(id)).order).toEqualTypeOf<
      string | undefined
    >()
    const unexpanded = await smartpay.checkoutSessions.retrieve(id, { expand: 'no' }, {})
    expectTypeOf(unexpanded.order).toEqualTypeOf<string | undefined>()
    // @ts-expect-error an id has no status
    unexpanded.order?.status
  })

  it('types both forms when expand is known only at run time', async () => {
    const expand = Math.random() > 0.5 ? ('all' as const) : ('no' as const)
    const session = await smartpay.checkoutSessions.retrieve(id, { expand })
    expectTypeOf(session).toEqualTypeOf<CheckoutSession>()
    expectTypeOf(session.order).toEqualTypeOf<string | CheckoutSessionOrder | undefined>()
  })
})
