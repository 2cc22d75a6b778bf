import { inspect } from 'node:util'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pathId } from '../src/ids.js'
import { ID_PREFIXES, type IdKind, isSmartpayError, ValidationError } from '../src/index.js'
import { checkoutParams } from './fixtures.js'
import {
  documentedMode,
  idLike,
  KINDS,
  kinds,
  otherMode,
  secretKey,
  wellFormedId,
} from './proof/idArbitraries.js'
import { couponParams } from './proof/params.js'
import { useSandbox } from './proof/useSandbox.js'
import { BASIC, clientFor, type KEY, LIVE_KEY, useServer } from './support.js'

// Properties of ids, for inputs fast-check makes up: what the documented pattern accepts goes
// out, the other mode and everything else is refused with a ValidationError and nothing else,
// and no key a caller pastes by mistake comes back in an error.

const FP = 'sk_test_…1taz'
const kind = fc.constantFrom(...kinds)
const mode = fc.constantFrom('test' as const, 'live' as const)
// Each kind's arbitraries are built once, not per run (`kind.chain(k => idLike(k))` built a
// fresh one for every run: ~0.5 ms each, most of the 1,000-run property's time).
const kindAndIdLike = fc.oneof(...kinds.map((k) => fc.tuple(fc.constant(k), idLike(k))))
const wellFormed = fc.oneof(
  ...kinds.flatMap((k) =>
    (['test', 'live'] as const).map((m) =>
      fc.tuple(fc.constant(k), fc.constant(m), wellFormedId(k, m)),
    ),
  ),
)

/** What `pathId` does with an input: the path segment it returns, or the error it throws. */
function outcome(k: IdKind, input: unknown, m: 'test' | 'live') {
  try {
    return { accepted: pathId(k, input, m, FP) }
  } catch (error) {
    return { error }
  }
}

describe('pathId, for every id kind', () => {
  it('knows the documented prefixes', () => {
    expect(ID_PREFIXES).toEqual(Object.fromEntries(kinds.map((k) => [k, KINDS[k].prefix])))
  })

  it('accepts every well-formed id of the key’s mode, as is', () => {
    fc.assert(
      fc.property(wellFormed, ([k, m, input]) => {
        expect(outcome(k, input, m)).toEqual({ accepted: input })
      }),
    )
  })

  it('refuses every id of the other mode, saying test and live are separate', () => {
    fc.assert(
      fc.property(wellFormed, ([k, m, input]) => {
        const { error } = outcome(k, input, otherMode(m))
        expect(error).toBeInstanceOf(ValidationError)
        expect((error as ValidationError).field).toBe('id')
        expect((error as Error).message).toContain('Test and live objects are separate')
        expect((error as Error).message).toContain(`a ${m}-mode id`)
      }),
    )
  })

  it('accepts an arbitrary string exactly when it matches the pattern in the key’s mode', () => {
    fc.assert(
      fc.property(kindAndIdLike, mode, ([k, input], m) => {
        const result = outcome(k, input, m)
        if (documentedMode(k, input) === m) expect(result).toEqual({ accepted: input })
        else expect(result.error).toBeInstanceOf(ValidationError)
      }),
      { numRuns: 1_000 },
    )
    // A thousand runs (a few hundred ms of CPU on an idle machine) for the near misses' many
    // combinations; 60 s is a safety net for a busy machine, not a measure of anything.
  }, 60_000)

  it('refuses anything that is not a string with a ValidationError', () => {
    fc.assert(
      fc.property(
        kind,
        mode,
        fc.anything().filter((v) => typeof v !== 'string'),
        (k, m, input) => {
          expect(outcome(k, input, m).error).toBeInstanceOf(ValidationError)
        },
      ),
    )
  })
})

describe('retrieve calls, on a local HTTPS server', () => {
  const ctx = useServer()

  it('send exactly the ids the pattern accepts, and nothing for the rest', async () => {
    const input = fc.oneof(
      wellFormed.map(([k, , id]) => [k, id] as const),
      kindAndIdLike,
    )
    await fc.assert(
      fc.asyncProperty(input, fc.boolean(), async ([k, id], live) => {
        const { server } = ctx
        server.reset()
        const client = clientFor(server, live ? { secretKey: LIVE_KEY } : {})
        const call = Promise.resolve(KINDS[k].retrieve(client, id))
        if (documentedMode(k, id) === (live ? 'live' : 'test')) {
          await call
          expect(server.requests.map((r) => [r.method, r.path])).toEqual([
            ['GET', `/v1/${KINDS[k].segment}/${id}`],
          ])
        } else {
          await expect(call).rejects.toBeInstanceOf(ValidationError)
          expect(server.requests).toEqual([])
        }
      }),
      { numRuns: 40 },
    )
    // 40 runs of real HTTPS calls: the default 5 s is too little on a busy machine; 60 s is a
    // safety net, not a measure.
  }, 60_000)

  it('never show a secret key passed as an id, a parameter or the client’s own key', async () => {
    const { server } = ctx
    await fc.assert(
      fc.asyncProperty(secretKey, kind, async (key, k) => {
        server.reset()
        // An API that refuses unknown keys, and echoes what it was sent in its error message.
        server.handle((request) =>
          request.headers.authorization === BASIC
            ? {
                status: 400,
                json: {
                  errorCode: 'request.invalid',
                  message: `Bad ${request.path}?${request.query}`,
                },
              }
            : { status: 401, json: { errorCode: 'unauthorized', message: 'Unknown key.' } },
        )
        const client = clientFor(server)
        const own = clientFor(server, { secretKey: key as typeof KEY })
        const ownOrder = `order_${own.mode}_abc`
        const calls: (() => unknown)[] = [
          () => KINDS[k].retrieve(client, key),
          () => client.payments.create({ order: key, amount: 100, currency: 'JPY' }),
          () =>
            client.refunds.create({
              payment: key,
              amount: 1,
              currency: 'JPY',
              reason: 'requested_by_customer',
            }),
          () =>
            client.coupons.create({
              name: 'x',
              discountType: 'percentage',
              discountPercentage: key as unknown as number,
            }),
          () => client.checkoutSessions.create({ ...checkoutParams, successUrl: key }),
          () => client.coupons.create(couponParams('x'), { idempotencyKey: `${key} ` }),
          () => client.orders.list({ pageToken: key }),
          () => own.orders.retrieve(ownOrder),
        ]
        for (const call of calls) {
          const error = await Promise.resolve()
            .then(call)
            .then(
              () => undefined,
              (e: unknown) => e,
            )
          expect(isSmartpayError(error)).toBe(true)
          for (const shown of [String(error), JSON.stringify(error), inspect(error, { depth: 5 })])
            expect(shown).not.toContain(key)
        }
        // Only the last two calls passed validation; the first got the key echoed back.
        expect(server.requests.map((r) => [r.path, r.query.get('pageToken')])).toEqual([
          ['/v1/orders', key],
          [`/v1/orders/${ownOrder}`, null],
        ])
      }),
      { numRuns: 30 },
    )
    // 30 runs of 8 real HTTPS calls each: 60 s is a safety net for a busy machine.
  }, 60_000)
})

describe('pagination against the sandbox', () => {
  const h = useSandbox()

  it('for await yields each of N coupons exactly once, for any page size', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 25 }),
        async (n, maxResults) => {
          h.sandbox.reset()
          const client = h.client()
          const created: string[] = []
          for (let i = 0; i < n; i++)
            created.push((await client.coupons.create(couponParams(`C${i}`))).id)
          h.forget()
          const seen: string[] = []
          for await (const coupon of client.coupons.list({ maxResults })) seen.push(coupon.id)
          expect([...seen].sort()).toEqual([...created].sort())
          expect(new Set(seen).size).toBe(n)
          expect(h.sent).toHaveLength(Math.max(1, Math.ceil(n / maxResults)))
        },
      ),
      { numRuns: 10 },
    )
    // Up to 10 × 40 creates and their pages over HTTPS (about 4 s on a busy 2-core machine, near
    // the default 5 s): 120 s is a safety net, not a measure.
  }, 120_000)
})
