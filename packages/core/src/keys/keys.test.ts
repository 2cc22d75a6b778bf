import { describe, expect, it } from 'vitest'
import { InvalidKeyError } from '../errors/errors.js'
import { fingerprint } from './fingerprint.js'
import {
  keyKind,
  keyMode,
  looksLikeSecretKey,
  parsePublicKey,
  parseSecretKey,
  SECRET_KEY_PATTERN,
} from './keys.js'

const SECRET = 'sk_test_Ho1BrYTcg3gAX4vTKk1taz'
const PUBLIC = 'pk_live_PCLEGPw9RrKIAlRcK504Bj'

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
    ['a number', 42, 'must be a string'],
    ['surrounding whitespace', ` ${SECRET}`, 'whitespace'],
    ['a trailing newline', `${SECRET}\n`, 'whitespace'],
    ['an inner CR LF (header injection)', 'sk_test_abc\r\nX-Evil: 1', 'control character'],
    ['a NUL byte', 'sk_test_abc\u0000def', 'control character'],
    ['a public key', PUBLIC, 'this is a public key'],
    ['an unknown mode', 'sk_prod_abc123', 'unknown mode "prod"'],
    ['punctuation after the prefix', 'sk_test_abc-123', 'letters and digits'],
    ['no prefix at all', 'Ho1BrYTcg3gAX4vTKk1taz', 'does not start with pk_ or sk_'],
  ])('refuses %s, saying which rule failed', (_, value, rule) => {
    const error = refusal(parseSecretKey, value)
    expect(error.message).toContain(rule)
    expect(error.rule).toContain(rule)
  })

  it('never echoes the key it refuses', () => {
    for (const value of [PUBLIC, `${SECRET} `, 'sk_test_Ho1BrYTcg3gAX4vTKk1taz!']) {
      const error = refusal(parseSecretKey, value)
      expect(error.message).not.toContain(value.trim())
      expect(JSON.stringify(error)).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
      expect(JSON.stringify(error)).not.toContain('PCLEGPw9RrKIAlRcK504Bj')
    }
  })
})

describe('parsePublicKey', () => {
  it('accepts a public key', () => {
    expect(parsePublicKey(PUBLIC)).toBe(PUBLIC)
  })

  it('refuses a secret key and warns it must never reach client code', () => {
    const error = refusal(parsePublicKey, SECRET)
    expect(error.message).toContain('secret key')
    expect(error.message).toContain('sk_test_…1taz')
    expect(error.message).not.toContain(SECRET)
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
