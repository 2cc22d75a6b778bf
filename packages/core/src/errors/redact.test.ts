import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anyKey,
  KEY_FORMS,
  type KeyForm,
  leaks,
  neutralText,
} from '../../../../tests/support/keyForms.js'
import { fingerprint } from '../keys/fingerprint.js'
import { redactKeys } from './redact.js'

const KEY = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'

/**
 * The forms the compact redaction covers: what a checkout page's public key may come back as
 * (it travels as `Bearer pk_…`, and a page wraps long lines). The README lists the same; every
 * other form is the server's (redactKeysDeep).
 */
const COMPACT: KeyForm[] = [
  'raw',
  'upper',
  'mixedCase',
  'splitNewline',
  'splitCrlf',
  'splitEscapedNewline',
]

describe.each(COMPACT)('redactKeys, a key echoed as %s', (name) => {
  const form = KEY_FORMS[name]

  it('leaves none of it in any text around it', () => {
    fc.assert(
      fc.property(anyKey, fc.string(), fc.string(), (key, before, after) => {
        const echoed = form(key)
        const context = `${before} ${after}`
        expect(leaks(redactKeys(`${before} ${echoed} ${after}`), key, echoed, context)).toEqual([])
      }),
    )
  })

  it('puts the key’s fingerprint in its place', () => {
    fc.assert(
      fc.property(anyKey, neutralText, neutralText, (key, before, after) => {
        const out = redactKeys(`${before} ${form(key)} ${after}`)
        expect(out.toLowerCase()).toBe(`${before} ${fingerprint(key)} ${after}`.toLowerCase())
      }),
    )
  })
})

describe('redactKeys', () => {
  it('covers exactly the forms listed, the rest being the deep redaction’s', () => {
    const covered = Object.entries(KEY_FORMS).filter(([, form]) => {
      const echoed = form(KEY)
      return leaks(redactKeys(`(${echoed})`), KEY, echoed).length === 0
    })
    expect(covered.map(([name]) => name)).toEqual(COMPACT)
  })

  it('leaves text without a key as it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (s) => {
        expect(redactKeys(s)).toBe(s)
      }),
    )
  })

  it('gives the keys it finds', () => {
    const found = new Set<string>()
    expect(redactKeys(`Bearer ${KEY}, SK_LIVE_Ho1BrYTcg3gAX4vTKk1taz`, found)).toBe(
      'Bearer pk_test_…04Bj, sk_live_…1taz',
    )
    expect([...found]).toEqual([KEY, 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'])
  })
})
