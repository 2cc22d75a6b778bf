import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anyKey, KEY_FORMS, leaks, neutralText } from '../../../../tests/support/keyForms.js'
import { fingerprint } from '../keys/fingerprint.js'
import { redactKeysDeep } from './redactDeep.js'

describe.each(Object.entries(KEY_FORMS))('redactKeysDeep, a key echoed as %s', (_, form) => {
  it('leaves none of it in any text around it', () => {
    fc.assert(
      fc.property(anyKey, fc.string(), fc.string(), (key, before, after) => {
        const echoed = form(key)
        const context = `${before} ${after}`
        expect(leaks(redactKeysDeep(`${before} ${echoed} ${after}`), key, echoed, context)).toEqual(
          [],
        )
      }),
    )
  })

  it('puts the key’s fingerprint in its place', () => {
    fc.assert(
      fc.property(anyKey, neutralText, neutralText, (key, before, after) => {
        const out = redactKeysDeep(`${before} ${form(key)} ${after}`)
        // Case as echoed: an upper-case key's fingerprint ends in upper case.
        expect(out.toLowerCase()).toBe(`${before} ${fingerprint(key)} ${after}`.toLowerCase())
      }),
    )
  })
})

describe('redactKeysDeep', () => {
  it('leaves text without a key as it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.base64String()), (s) => {
        expect(redactKeysDeep(s)).toBe(s)
      }),
    )
    const plain =
      'order_test_abc123 failed (id 0123456789abcdef, Basic dXNlcjpwYXNz) desk_test_ checkout'
    expect(redactKeysDeep(plain)).toBe(plain)
  })

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyKey, fc.constantFrom(...Object.values(KEY_FORMS)), fc.string(), (k, f, s) => {
        const once = redactKeysDeep(`${s}${f(k)}${s}`)
        expect(redactKeysDeep(once)).toBe(once)
      }),
    )
  })

  it('redacts a restricted rk_ key without showing any of it', () => {
    expect(redactKeysDeep('rk_live_Ho1BrYTcg3gAX4vTKk1taz')).toBe('<30-character string>')
  })

  it('redacts a key cut short as a key, showing none of its body', () => {
    expect(redactKeysDeep('Basic c2tfbGl2ZV9IbzFC')).toBe('Basic sk_live_…')
  })

  it('redacts every key in a text, each as its own fingerprint', () => {
    const text = `sk_live_Ho1BrYTcg3gAX4vTKk1taz ${btoa('pk_test_PCLEGPw9RrKIAlRcK504Bj:')}`
    expect(redactKeysDeep(text)).toBe('sk_live_…1taz pk_test_…04Bj')
    const found = new Set<string>()
    redactKeysDeep(text, found)
    expect([...found]).toEqual(['sk_live_Ho1BrYTcg3gAX4vTKk1taz', 'pk_test_PCLEGPw9RrKIAlRcK504Bj'])
  })
})
