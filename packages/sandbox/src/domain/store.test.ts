import { describe, expect, it } from 'vitest'
import type { Coupon } from './objects.js'
import { Store } from './store.js'

const coupon = (id: string, name = id, at = 1_000): Coupon => ({
  id,
  object: 'coupon',
  test: true,
  createdAt: at,
  updatedAt: at,
  metadata: {},
  name,
  active: true,
  discountType: 'percentage',
  discountPercentage: 10,
  redemptionCount: 0,
  sponsored: false,
})

describe('Store', () => {
  it('keeps test and live objects apart', () => {
    const store = new Store()
    store.insert('test', 'coupon', coupon('coupon_test_a'))
    expect(store.get('test', 'coupon', 'coupon_test_a')?.name).toBe('coupon_test_a')
    expect(store.get('live', 'coupon', 'coupon_test_a')).toBeUndefined()
    expect(store.all('live', 'coupon')).toEqual([])
    expect(store.all('test', 'promotionCode')).toEqual([])
  })

  it('lists objects oldest first, as lists page through them', () => {
    const store = new Store()
    for (const id of ['c', 'a', 'b']) store.insert('test', 'coupon', coupon(id))
    expect(store.all('test', 'coupon').map((c) => c.id)).toEqual(['c', 'a', 'b'])
  })

  it('patches an object in place of the old one and moves updatedAt forward, never back', () => {
    const store = new Store()
    store.insert('test', 'coupon', coupon('a', 'before', 5_000))
    store.insert('test', 'coupon', coupon('b'))
    const later = store.update('test', 'coupon', 'a', { name: 'after' }, 9_000)
    expect(later).toMatchObject({ id: 'a', name: 'after', createdAt: 5_000, updatedAt: 9_000 })
    expect(store.get('test', 'coupon', 'a')).toEqual(later)
    expect(store.all('test', 'coupon').map((c) => c.id)).toEqual(['a', 'b'])
    const earlier = store.update('test', 'coupon', 'a', { active: false }, 7_000)
    expect(earlier.updatedAt).toBe(9_000)
  })

  it('refuses to update an object that is not there', () => {
    const store = new Store()
    store.insert('live', 'coupon', coupon('a'))
    expect(() => store.update('test', 'coupon', 'a', { name: 'x' })).toThrow(
      'no coupon a in test mode',
    )
  })

  it('deletes one object, and says whether there was one', () => {
    const store = new Store()
    store.insert('test', 'coupon', coupon('a'))
    store.insert('test', 'coupon', coupon('b'))
    expect(store.delete('test', 'coupon', 'a')).toBe(true)
    expect(store.delete('test', 'coupon', 'a')).toBe(false)
    expect(store.all('test', 'coupon').map((c) => c.id)).toEqual(['b'])
  })

  it('forgets everything, in both modes, on clear()', () => {
    const store = new Store()
    store.insert('test', 'coupon', coupon('a'))
    store.insert('live', 'coupon', coupon('b'))
    store.clear()
    expect(store.all('test', 'coupon')).toEqual([])
    expect(store.all('live', 'coupon')).toEqual([])
  })
})
