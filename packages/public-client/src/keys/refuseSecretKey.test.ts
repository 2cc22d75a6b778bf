import { describe, expect, it } from 'vitest'
import {
  createPublicClient,
  InvalidKeyError,
  type PublicClientOptions,
  parsePublicKey,
} from '../index.js'

const SECRET = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'

/** What createPublicClient threw for these (untyped, as from JavaScript) options. */
function thrown(options: unknown): InvalidKeyError {
  try {
    createPublicClient(options as PublicClientOptions)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidKeyError)
    return error as InvalidKeyError
  }
  throw new Error('expected createPublicClient to throw')
}

describe('createPublicClient with a secret key', () => {
  it('refuses it, says it is exposed and where to roll it, and shows only a fingerprint', () => {
    const error = thrown({ publicKey: SECRET })
    expect(error.rule).toBe('secret-key-in-client-code')
    expect(error.fingerprint).toBe('sk_live_…1taz')
    expect(error.message).toContain('sk_live_…1taz')
    expect(error.message).toContain('exposed to client code')
    expect(error.message).toContain('roll it at https://dashboard.smartpay.co/settings/credentials')
    for (const dump of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(dump).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    }
  })

  it('refuses it before looking at any other option', () => {
    const error = thrown({ publicKey: SECRET, baseUrl: 'http://example.com', timeout: -1 })
    expect(error.rule).toBe('secret-key-in-client-code')
  })

  it.each([
    ['with surrounding whitespace', ` ${SECRET}\n`],
    ['with a short body', 'sk_test_abc'],
    ['with an unknown mode', 'sk_prod_Ho1BrYTcg3gAX4vTKk1taz'],
  ])('refuses an sk_ key %s', (_, publicKey) => {
    expect(thrown({ publicKey }).rule).toBe('secret-key-in-client-code')
  })

  it('refuses a secret key passed in another option', () => {
    const error = thrown({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj', secretKey: SECRET })
    expect(error.rule).toBe('secret-key-in-client-code')
    expect(error.message).toContain('`secretKey`')
  })

  it.each([
    ['behind a zero-width space', `\u200b${SECRET}`],
    ['in capitals', SECRET.toUpperCase()],
    ['with a Cyrillic ѕ', SECRET.replace('s', 'ѕ')],
    ['in fullwidth letters', SECRET.replace('sk_', 'ｓｋ＿')],
    ['in quotes, as a .env line holds it', `"${SECRET}"`],
    ['as a restricted rk_ key', SECRET.replace('sk_', 'rk_')],
    ['inside a URL option', 'https://proxy.example/?key=sk_live_Ho1BrYTcg3gAX4vTKk1taz'],
  ])('refuses a secret key %s', (_, value) => {
    const error = thrown({ publicKey: 'pk_test_PCLEGPw9RrKIAlRcK504Bj', baseUrl: value })
    expect(error.rule).toBe('secret-key-in-client-code')
    expect(thrown({ publicKey: value }).rule).toBe('secret-key-in-client-code')
    expect(JSON.stringify(error) + error.message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
  })

  it('says what parsePublicKey says about the same key', () => {
    let parsed: unknown
    try {
      parsePublicKey(SECRET)
    } catch (error) {
      parsed = error
    }
    const tail = (error: unknown) => (error as Error).message.replace(/^.* got a secret key/, '')
    expect(tail(parsed)).toBe(tail(thrown({ publicKey: SECRET })))
    expect(tail(parsed)).toContain('roll it at https://dashboard.smartpay.co/settings/credentials')
  })

  it('still refuses a missing key, for another reason', () => {
    expect(thrown({}).rule).not.toBe('secret-key-in-client-code')
  })
})
