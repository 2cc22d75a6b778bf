// The one contract every WebhookEventStore keeps, run against each adapter with its real
// backend behind it (memory, Redis, PostgreSQL, D1 in workerd). Nothing here waits on a clock
// for an outcome: a lease that must still hold is long, and one that must run out is short and
// waited for until it has.
import { describe, expect, it, vi } from 'vitest'
import type { WebhookEventStore } from '../eventStore.js'

/** How the suite reaches an adapter's backend, once the test file's `beforeAll` started it. */
export interface EventStoreBackend {
  /** A new store object over the same backend: a new owner, as another process would be. */
  open(): WebhookEventStore
  /** A store over the same backend that does not share `open()`'s keys (prefix, table). */
  openElsewhere?: (() => WebhookEventStore) | undefined
}

/** What an adapter is, known before its backend starts. */
export interface EventStoreTraits {
  /** Whether two `open()` stores share keys (false for the memory store: one per process). */
  shared: boolean
  /** Whether `openElsewhere` is given. */
  elsewhere: boolean
}

const HOLDS = 600_000 // a lease that must not run out during a test
const RUNS_OUT = 50 // one that must, soon

let counter = 0
const fresh = (name: string) => `evt_test_${name}_${Date.now()}_${++counter}`

/** Waits until `claim` by `store` answers `claimed`: the lease has run out. */
async function claimOnceExpired(store: WebhookEventStore, key: string, leaseMs = HOLDS) {
  await vi.waitFor(async () => expect(await store.claim(key, leaseMs)).toBe('claimed'), {
    timeout: 30_000,
    interval: 20,
  })
}

/** Defines the contract's tests for one adapter. */
export function eventStoreContract(
  name: string,
  traits: EventStoreTraits,
  backend: () => EventStoreBackend,
) {
  describe(`${name}: the WebhookEventStore contract`, () => {
    it('claims a new key once: a second claim is busy', async () => {
      const store = backend().open()
      const key = fresh('once')
      expect(await store.claim(key, HOLDS)).toBe('claimed')
      expect(await store.claim(key, HOLDS)).toBe('busy')
    })

    it('answers handled after complete, to every claim, until the ttl runs out', async () => {
      const store = backend().open()
      const key = fresh('handled')
      expect(await store.claim(key, HOLDS)).toBe('claimed')
      await store.complete(key, HOLDS)
      expect(await store.claim(key, HOLDS)).toBe('handled')
      expect(await store.extend(key, HOLDS)).toBe(false)
      const short = fresh('handledShort')
      await store.complete(short, RUNS_OUT)
      await claimOnceExpired(store, short)
    })

    it('completes a key nobody claimed (the effect happened all the same)', async () => {
      const store = backend().open()
      const key = fresh('unclaimed')
      await store.complete(key, HOLDS)
      expect(await store.claim(key, HOLDS)).toBe('handled')
    })

    it('lets the next claim run a released key', async () => {
      const store = backend().open()
      const key = fresh('released')
      expect(await store.claim(key, HOLDS)).toBe('claimed')
      await store.release(key)
      expect(await store.claim(key, HOLDS)).toBe('claimed')
    })

    it('extends a live claim, which then outlives its first lease', async () => {
      const store = backend().open()
      // The extension must arrive while the first lease lives: on a slow round trip, try again
      // with a longer one, rather than count on any speed.
      for (const firstLeaseMs of [100, 1000, 10_000]) {
        const key = fresh(`extended${firstLeaseMs}`)
        expect(await store.claim(key, firstLeaseMs)).toBe('claimed')
        if (!(await store.extend(key, HOLDS))) continue
        await new Promise((resolve) => setTimeout(resolve, firstLeaseMs * 2))
        expect(await store.claim(key, HOLDS)).toBe('busy')
        return
      }
      expect.fail('no extension arrived within a 10 s lease')
    })

    it('takes over a claim whose lease ran out, as after its process died', async () => {
      const store = backend().open()
      const key = fresh('expired')
      expect(await store.claim(key, RUNS_OUT)).toBe('claimed')
      await claimOnceExpired(traits.shared ? backend().open() : store, key)
    })

    it('keeps keys apart, whatever their characters', async () => {
      const store = backend().open()
      const keys = [fresh('a'), `delivery:${fresh('0f'.repeat(32))}`, fresh('ünï %_\'";-- ')]
      for (const key of keys) expect(await store.claim(key, HOLDS)).toBe('claimed')
      await store.complete(keys[0] as string, HOLDS)
      expect(await store.claim(keys[1] as string, HOLDS)).toBe('busy')
      expect(await store.claim(keys[2] as string, HOLDS)).toBe('busy')
    })

    it('gives a key to exactly one of many simultaneous claims', async () => {
      const one = backend().open()
      const stores = Array.from({ length: 24 }, () => (traits.shared ? backend().open() : one))
      for (let round = 0; round < 5; round++) {
        const key = fresh(`race${round}`)
        const answers = await Promise.all(stores.map((store) => store.claim(key, HOLDS)))
        expect(answers.filter((a) => a === 'claimed')).toHaveLength(1)
        expect(answers.filter((a) => a === 'busy')).toHaveLength(stores.length - 1)
      }
    })

    if (traits.shared) {
      describe('across owners (processes)', () => {
        it('answers busy to another owner while a claim is live', async () => {
          const [a, b] = [backend().open(), backend().open()]
          const key = fresh('owners')
          expect(await a.claim(key, HOLDS)).toBe('claimed')
          expect(await b.claim(key, HOLDS)).toBe('busy')
          await a.complete(key, HOLDS)
          expect(await b.claim(key, HOLDS)).toBe('handled')
        })

        it("neither extends nor releases another owner's claim", async () => {
          const [a, b] = [backend().open(), backend().open()]
          const key = fresh('notYours')
          expect(await a.claim(key, HOLDS)).toBe('claimed')
          expect(await b.extend(key, HOLDS)).toBe(false)
          await b.release(key)
          expect(await b.claim(key, HOLDS)).toBe('busy')
          expect(await a.extend(key, HOLDS)).toBe(true)
        })

        it('lets the first owner neither extend nor release a claim taken over', async () => {
          const [a, b, c] = [backend().open(), backend().open(), backend().open()]
          const key = fresh('takenOver')
          expect(await a.claim(key, RUNS_OUT)).toBe('claimed')
          await claimOnceExpired(b, key)
          expect(await a.extend(key, HOLDS)).toBe(false)
          await a.release(key)
          expect(await c.claim(key, HOLDS)).toBe('busy')
        })

        it('answers handled to everyone once any owner completed', async () => {
          const [a, b] = [backend().open(), backend().open()]
          const key = fresh('completedByOther')
          expect(await a.claim(key, HOLDS)).toBe('claimed')
          await b.complete(key, HOLDS)
          expect(await a.claim(key, HOLDS)).toBe('handled')
          await a.release(key)
          expect(await b.claim(key, HOLDS)).toBe('handled')
        })
      })
    }

    if (traits.elsewhere) {
      it('keeps the keys of a store with another prefix or table apart', async () => {
        const { open, openElsewhere } = backend()
        const key = fresh('apart')
        expect(await open().claim(key, HOLDS)).toBe('claimed')
        expect(await openElsewhere?.().claim(key, HOLDS)).toBe('claimed')
      })
    }
  })
}
