import { describe, expect, it } from 'vitest'
import { baseFields, pickStrings } from './objects.js'

describe('baseFields', () => {
  it('stamps the mode and the time, and keeps metadata only when it is an object', () => {
    expect(baseFields('order_live_a', 'live', 1_000, { cart: 'c1' })).toEqual({
      id: 'order_live_a',
      object: '',
      test: false,
      createdAt: 1_000,
      updatedAt: 1_000,
      metadata: { cart: 'c1' },
    })
    for (const metadata of [undefined, null, 'text', 3, ['a']])
      expect(baseFields('order_test_a', 'test', 0, metadata).metadata).toEqual({})
    expect(baseFields('order_test_a', 'test', 0).test).toBe(true)
  })
})

describe('pickStrings', () => {
  it('keeps the named fields that are strings, and leaves the rest out', () => {
    const body = { reference: 'r1', description: 3, note: 'not asked', title: null }
    expect(pickStrings(body, ['reference', 'description', 'title', 'missing'])).toEqual({
      reference: 'r1',
    })
  })
})
