import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemorySeenEventStore } from './seenEvents.js'

describe('createMemorySeenEventStore', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('remembers a key for its ttl, then forgets it', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] })
    const store = createMemorySeenEventStore()
    expect(store.seen('evt_1')).toBe(false)
    store.markSeen('evt_1', 5000)
    expect(store.seen('evt_1')).toBe(true)
    expect(store.seen('evt_2')).toBe(false)
    vi.setSystemTime(1_004_999)
    expect(store.seen('evt_1')).toBe(true)
    vi.setSystemTime(1_005_000)
    expect(store.seen('evt_1')).toBe(false)
  })

  it('never holds more than maxEntries keys: the oldest go first', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] })
    const store = createMemorySeenEventStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c', 'd']) store.markSeen(key, 60_000)
    expect(['a', 'b', 'c', 'd'].map((key) => store.seen(key))).toEqual([false, true, true, true])
  })

  it('drops expired keys as new ones come, so memory follows the traffic of one window', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] })
    const store = createMemorySeenEventStore({ maxEntries: 1_000_000 })
    // A spy on the Map the store keeps: count the live keys after 10,000 marks, 1 per 100 ms,
    // each kept 1 s. Only the last 10 can still be there.
    const sizes: number[] = []
    const set = vi.spyOn(Map.prototype, 'set')
    for (let i = 0; i < 10_000; i++) {
      vi.setSystemTime(1_000_000 + i * 100)
      store.markSeen(`evt_${i}`, 1000)
      sizes.push((set.mock.contexts.at(-1) as Map<string, number>).size)
    }
    set.mockRestore()
    expect(Math.max(...sizes)).toBeLessThanOrEqual(11)
  })

  it('marking a key again renews it', () => {
    vi.useFakeTimers({ now: 1_000_000, toFake: ['Date'] })
    const store = createMemorySeenEventStore({ maxEntries: 2 })
    store.markSeen('a', 60_000)
    store.markSeen('b', 60_000)
    store.markSeen('a', 60_000) // now the newest
    store.markSeen('c', 60_000)
    expect(['a', 'b', 'c'].map((key) => store.seen(key))).toEqual([true, false, true])
  })

  it.each([0, -1, 2.5, Number.NaN])('throws a TypeError for maxEntries %s', (maxEntries) => {
    expect(() => createMemorySeenEventStore({ maxEntries })).toThrow(TypeError)
  })
})
