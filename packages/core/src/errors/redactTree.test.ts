import { describe, expect, it } from 'vitest'
import { printed } from '../../../../tests/support/failure.js'
import { KEY_FORMS, leaks } from '../../../../tests/support/keyForms.js'
import { redactKeys } from './redact.js'
import { redactKeysDeep } from './redactDeep.js'
import { redactTree } from './redactTree.js'

const KEY = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'

describe('redactTree', () => {
  it('redacts names and values at any depth, and keeps what holds no key', () => {
    const clean = { id: 'order_test_1', items: [{ amount: 1 }] }
    const value = { clean, list: [1, { [KEY]: KEY.toUpperCase() }], deep: [[[[`x ${KEY}`]]]] }
    const safe = redactTree(value, redactKeys)
    expect(safe).toEqual({
      clean,
      list: [1, { 'sk_live_…1taz': 'sk_live_…1TAZ' }],
      deep: [[[['x sk_live_…1taz']]]],
    })
    expect(safe.clean).toBe(clean)
    expect(redactTree(clean, redactKeys)).toBe(clean)
    expect(value.list[1]).toEqual({ [KEY]: KEY.toUpperCase() })
  })

  it('survives a cycle', () => {
    const value: Record<string, unknown> = { key: KEY }
    value.self = value
    const safe = redactTree(value, redactKeys)
    expect(safe.key).toBe('sk_live_…1taz')
    expect(safe.self).toBe(safe)
  })

  it('redacts an error’s message, stack, fields and cause chain in a copy of its class', () => {
    const root = Object.assign(new Error(`bad header ${KEY_FORMS.hex(KEY)}`), {
      data: { echo: KEY_FORMS.splitZeroWidth(KEY) },
    })
    const wrapper = new TypeError('fetch failed', { cause: root })
    const safe = redactTree(wrapper, redactKeysDeep)
    expect(safe).not.toBe(wrapper)
    expect(safe).toBeInstanceOf(TypeError)
    expect(safe.message).toBe('fetch failed')
    const cause = safe.cause as typeof root
    expect(cause).toBeInstanceOf(Error)
    expect(cause.message).toBe('bad header sk_live_…1taz')
    expect(cause.stack).toContain('bad header sk_live_…1taz')
    expect(cause.data).toEqual({ echo: 'sk_live_…1taz' })
    for (const text of printed(safe)) expect(leaks(text, KEY, KEY_FORMS.hex(KEY))).toEqual([])
    // The original is untouched, and an error without a key is kept as it is.
    expect(root.message).toContain(KEY_FORMS.hex(KEY))
    const plain = new Error('connect ECONNREFUSED 127.0.0.1:1')
    expect(redactTree(plain, redactKeys)).toBe(plain)
  })

  it('redacts a class instance’s fields in a copy of its class', () => {
    class Echo {
      text = `Bearer ${KEY}`
    }
    const safe = redactTree(new Echo(), redactKeys)
    expect(safe).toBeInstanceOf(Echo)
    expect(safe.text).toBe('Bearer sk_live_…1taz')
    const clean = new Echo()
    clean.text = 'none'
    expect(redactTree(clean, redactKeys)).toBe(clean)
  })
})
