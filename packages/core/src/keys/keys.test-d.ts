import { describe, expectTypeOf, it } from 'vitest'
import {
  keyMode,
  type Mode,
  type PublicKey,
  parsePublicKey,
  parseSecretKey,
  type SecretKey,
} from './keys.js'

describe('key types', () => {
  it('accept literals of their own kind only', () => {
    const secret: SecretKey = 'sk_test_abc'
    const live: SecretKey = 'sk_live_abc'
    const pub: PublicKey = 'pk_test_abc'
    // @ts-expect-error a public key is not a secret key
    const wrong: SecretKey = 'pk_test_abc'
    // @ts-expect-error a secret key is not a public key
    const wrong2: PublicKey = 'sk_live_abc'
    // @ts-expect-error an unknown mode is not a key
    const wrong3: SecretKey = 'sk_prod_abc'
    expectTypeOf([secret, live, pub, wrong, wrong2, wrong3]).toBeArray()
  })

  it('narrow plain strings through the parse functions', () => {
    const env: string | undefined = 'sk_test_abc'
    expectTypeOf(parseSecretKey(env)).toEqualTypeOf<SecretKey>()
    expectTypeOf(parsePublicKey(env)).toEqualTypeOf<PublicKey>()
    // @ts-expect-error a plain string is not a key until parsed
    const unparsed: SecretKey = env as string
    expectTypeOf(unparsed).toEqualTypeOf<SecretKey>()
  })

  it('give the mode as a union', () => {
    expectTypeOf(keyMode('sk_test_abc')).toEqualTypeOf<Mode>()
    expectTypeOf<Mode>().toEqualTypeOf<'test' | 'live'>()
  })
})
