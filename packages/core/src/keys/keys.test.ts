import { describe, expect, it } from 'vitest'
import { InvalidKeyError } from '../errors/errors.js'
import { ROLL_KEYS_URL, SECRET_KEY_IN_CLIENT_CODE } from './exposedKeyError.js'
import { fingerprint } from './fingerprint.js'
import {
  keyKind,
  keyMode,
  looksLikeSecretKey,
  parsePublicKey,
  parseSecretKey,
  SECRET_KEY_PATTERN,
} from './keys.js'
import { holdsSecretKey, normalizeKey } from './normalizeKey.js'

const SECRET = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const PUBLIC = 'pk_live_PCLEGPw9RrKIAlRcK504Bj'
const BODY = 'Ho1BrYTcg3gAX4vTKk1taz'
/** The rule for a key that is right once cleaned up: it says what to clean, never the key. */
const DIRTY = 'whitespace, quotes, capitals, hidden or lookalike characters'

function refusal(parse: (value: unknown) => unknown, value: unknown): InvalidKeyError {
  try {
    parse(value)
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidKeyError)
    return error as InvalidKeyError
  }
  throw new Error(`expected ${String(value)} to be refused`)
}

describe('parseSecretKey', () => {
  it('accepts test and live secret keys and returns them unchanged', () => {
    expect(parseSecretKey(SECRET)).toBe(SECRET)
    expect(parseSecretKey('sk_live_abc123')).toBe('sk_live_abc123')
  })

  it.each([
    ['an empty string', '', 'no key was given'],
    ['undefined', undefined, 'no key was given'],
    ['a number', 42, 'not a string'],
    ['surrounding whitespace', ` ${SECRET}`, DIRTY],
    ['a trailing newline (from a .env file)', `${SECRET}\n`, DIRTY],
    ['quotes kept from a .env line', `"${SECRET}"`, DIRTY],
    ['a zero-width space inside', SECRET.replace('Ho1', 'Ho\u200b1'), DIRTY],
    ['capitals', SECRET.toUpperCase(), DIRTY],
    ['a fullwidth prefix', `ｓｋ＿test_${BODY}`, DIRTY],
    ['an inner CR LF (header injection)', 'sk_test_abc\r\nX-Evil: 1', 'letters and digits'],
    ['a NUL byte', 'sk_test_abc\u0000def', 'letters and digits'],
    ['a public key', PUBLIC, 'this is a public key'],
    ['an unknown mode', 'sk_prod_abc123', 'not sk_test_ or sk_live_'],
    ['punctuation after the prefix', 'sk_test_abc-123', 'letters and digits'],
    ['no prefix at all', 'Ho1BrYTcg3gAX4vTKk1taz', 'not sk_test_ or sk_live_'],
  ])('refuses %s, saying which rule failed', (_, value, rule) => {
    const error = refusal(parseSecretKey, value)
    expect(error.message).toContain(rule)
    expect(error.rule).toContain(rule)
  })

  it('names SMARTPAY_SECRET_KEY when there is no key at all, an unset env var most often', () => {
    for (const value of [undefined, null, '']) {
      expect(refusal(parseSecretKey, value).message).toBe(
        `Invalid secret key (${fingerprint(value)}): no key was given. Is SMARTPAY_SECRET_KEY set? Set it to your key from the dashboard.`,
      )
    }
  })

  it('never echoes the key it refuses', () => {
    for (const value of [PUBLIC, `${SECRET} `, `${SECRET}!`, `\u200b${SECRET}`, `"${SECRET}"`]) {
      const error = refusal(parseSecretKey, value)
      for (const dump of [error.message, String(error.stack), JSON.stringify(error)]) {
        expect(dump).not.toContain(BODY)
        expect(dump).not.toContain('PCLEGPw9RrKIAlRcK504Bj')
      }
    }
  })
})

describe('parsePublicKey', () => {
  it('accepts a public key', () => {
    expect(parsePublicKey(PUBLIC)).toBe(PUBLIC)
  })

  it('refuses a secret key: it is exposed, roll it at the dashboard, use a public key', () => {
    const error = refusal(parsePublicKey, SECRET)
    expect(error.rule).toBe(SECRET_KEY_IN_CLIENT_CODE)
    expect(error.fingerprint).toBe('sk_test_…1taz')
    expect(error.message).toBe(
      `parsePublicKey got a secret key (sk_test_…1taz). It is now exposed to client code: roll it at ${ROLL_KEYS_URL}, keep it on your server, use a public key here.`,
    )
  })

  it('names SMARTPAY_PUBLIC_KEY when there is no key', () => {
    const error = refusal(parsePublicKey, undefined)
    expect(error.rule).toBe('no key was given')
    expect(error.message).toBe(
      'Invalid public key (<undefined>): no key was given. Is SMARTPAY_PUBLIC_KEY set? Set it to your key from the dashboard.',
    )
  })

  // Each is what a user may paste or load: the API may reject it, but a browser would send it.
  it.each([
    ...['\u200b', '\u200c', '\u200d', '\ufeff', '\u2060', '\u00ad', '\u202e'].map((char) => [
      `a leading U+${char.charCodeAt(0).toString(16).toUpperCase()}`,
      `${char}${SECRET}`,
    ]),
    ['surrounding whitespace', `  ${SECRET} `],
    ['a trailing newline (from a .env file)', `${SECRET}\n`],
    ['a CR LF and a tab around it', `\t${SECRET}\r\n`],
    ['double quotes kept from a .env line', `"${SECRET}"`],
    ['single quotes', `'${SECRET}'`],
    ['SK_ in capitals', `SK_TEST_${BODY}`],
    ['Sk_ in mixed case', `Sk_live_${BODY}`],
    ['a fullwidth ｓｋ＿ prefix', `ｓｋ＿test_${BODY}`],
    ['mathematical bold letters', `𝐬𝐤_live_${BODY}`],
    ['the Kelvin sign for k', `s\u212a_live_${BODY}`],
    ['a Cyrillic ѕ', `ѕk_live_${BODY}`],
    ['a Cyrillic capital Ѕ and К', `ЅК_live_${BODY}`],
    ['a Cyrillic к', `sк_live_${BODY}`],
    ['a Greek κ', `sκ_live_${BODY}`],
    ['a restricted key, rk_', `rk_live_${BODY}`],
    ['an unknown mode', `sk_prod_${BODY}`],
    ['a short body', 'sk_test_abc'],
    ['a key inside a URL', `https://api.example.com/v1?key=sk_live_${BODY}`],
    ['a key after a public key', `${PUBLIC} sk_live_${BODY}`],
  ])('treats a secret key with %s as exposed', (_, value) => {
    const error = refusal(parsePublicKey, value)
    expect(error.rule).toBe(SECRET_KEY_IN_CLIENT_CODE)
    expect(error.message).toContain(`roll it at ${ROLL_KEYS_URL}`)
    for (const dump of [error.message, String(error.stack), JSON.stringify(error)]) {
      expect(dump).not.toContain(BODY)
    }
  })

  it.each([
    ['a word that ends in sk_', `pk_test_abc task_list`],
    ['a public key with capitals', `PK_TEST_${BODY}`],
    ['nothing at all', ''],
  ])('does not call %s a secret key', (_, value) => {
    expect(refusal(parsePublicKey, value).rule).not.toBe(SECRET_KEY_IN_CLIENT_CODE)
  })
})

describe('normalizeKey and holdsSecretKey', () => {
  it('give a pasted key as the API would read it', () => {
    expect(normalizeKey(`\u200b"ＳＫ_Test_${BODY}"\n`)).toBe(`sk_test_${BODY.toLowerCase()}`)
  })

  it('find no secret key in a public key or other option values', () => {
    for (const value of [PUBLIC, 'https://api.smartpay.co/v1', 'risk_level', 42, undefined]) {
      expect(holdsSecretKey(value), String(value)).toBe(false)
    }
  })
})

describe('keyMode and keyKind', () => {
  it('read the mode and kind from the prefix', () => {
    expect(keyMode(SECRET)).toBe('test')
    expect(keyMode(PUBLIC)).toBe('live')
    expect(keyKind(SECRET)).toBe('secret')
    expect(keyKind(PUBLIC)).toBe('public')
  })
})

describe('fingerprint', () => {
  it('shows the prefix and the last four characters of a long key', () => {
    expect(fingerprint(SECRET)).toBe('sk_test_…1taz')
  })

  it('shows no characters of a short key or of something that is not a key', () => {
    expect(fingerprint('sk_test_abc123')).toBe('sk_test_…')
    expect(fingerprint('hunter2hunter2')).toBe('<14-character string>')
    expect(fingerprint(undefined)).toBe('<undefined>')
  })
})

describe('looksLikeSecretKey and SECRET_KEY_PATTERN', () => {
  it('find a secret key at the start, after a space or after punctuation, as group 1', () => {
    for (const text of [SECRET, `key=${SECRET}`, `"${SECRET}"`, `a\n${SECRET} b`]) {
      expect(looksLikeSecretKey(text), text).toBe(true)
      expect(SECRET_KEY_PATTERN.exec(text)?.[1], text).toBe(SECRET)
    }
  })

  it('ignore a key glued to a word, a short body, a public key and non-strings', () => {
    for (const text of [`mask${SECRET}`, 'sk_test_abc', PUBLIC, 'sk_prod_Ho1BrYTcg3gAX4vTKk1taz']) {
      expect(looksLikeSecretKey(text), text).toBe(false)
    }
    expect(looksLikeSecretKey(undefined)).toBe(false)
  })
})
