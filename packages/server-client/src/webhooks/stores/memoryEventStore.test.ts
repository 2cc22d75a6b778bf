import { describe, expect, it } from 'vitest'
import { memoryEventStore } from './memoryEventStore.js'
import { eventStoreContract } from './testing/eventStoreContract.js'

// One process owns a memory store: a second one is another process, sharing nothing.
const store = memoryEventStore()
eventStoreContract('memoryEventStore', { shared: false, elsewhere: true }, () => ({
  open: () => store,
  openElsewhere: () => memoryEventStore(),
}))

describe('memoryEventStore', () => {
  it('keeps at most maxEntries keys, dropping the oldest', () => {
    const small = memoryEventStore({ maxEntries: 3 })
    for (const key of ['a', 'b', 'c', 'd']) small.complete(key, 60_000)
    // A claim of a forgotten key stores it: ask the kept ones first.
    expect(['d', 'c', 'b', 'a'].map((key) => small.claim(key, 60_000))).toEqual([
      'handled',
      'handled',
      'handled',
      'claimed',
    ])
  })

  it('counts a completed key as the newest', () => {
    const small = memoryEventStore({ maxEntries: 2 })
    small.complete('a', 60_000)
    small.complete('b', 60_000)
    small.complete('a', 60_000)
    small.complete('c', 60_000)
    expect(['a', 'c', 'b'].map((key) => small.claim(key, 60_000))).toEqual([
      'handled',
      'handled',
      'claimed',
    ])
  })

  it('answers at once, so two claims in one tick cannot both win', () => {
    const one = memoryEventStore()
    expect([one.claim('k', 1000), one.claim('k', 1000)]).toEqual(['claimed', 'busy'])
  })

  it.each([0, -1, 1.5, Number.NaN])('refuses maxEntries %s', (maxEntries) => {
    expect(() => memoryEventStore({ maxEntries })).toThrow(TypeError)
  })
})
