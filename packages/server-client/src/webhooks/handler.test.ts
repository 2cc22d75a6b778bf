import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, type WebhookHandlerOptions } from './handler.js'
import sdk from './sdk-vectors.json'
import { signWebhook } from './sign.js'
import type { WebhookEventStore } from './stores/eventStore.js'
import { memoryEventStore } from './stores/memoryEventStore.js'
import shared from './webhook-vectors.json'

const secret = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'
const URL_ = 'https://shop.example/webhooks/smartpay'

/** A fresh event of a type, as Smartpay sends it. */
const eventOf = (type: string, id = `evt_test_${crypto.randomUUID().replaceAll('-', '')}`) => ({
  id,
  object: 'event',
  createdAt: Date.now(),
  test: true,
  eventData: {
    type,
    version: '2022-02-18',
    data: {
      id: 'order_test_1',
      object: 'order',
      status: 'succeeded',
      amount: 3000,
      currency: 'JPY',
    },
  },
})

/** A delivery signed now, as a Fetch Request (each call is a new delivery: a new timestamp). */
let clock = Date.now()
async function deliver(event: unknown, init: { headers?: Record<string, string> } = {}) {
  const body = typeof event === 'string' ? event : JSON.stringify(event)
  // A distinct timestamp per delivery, as Smartpay's attempts have.
  const { headers } = await signWebhook({ body, signingSecret: secret, timestamp: ++clock })
  return new Request(URL_, { method: 'POST', body, headers: { ...headers, ...init.headers } })
}

const handlerWith = (options: Partial<WebhookHandlerOptions> = {}) =>
  createWebhookHandler({ signingSecret: secret, on: {}, onError: vi.fn(), ...options })

/** A memory store that logs each call (a delivery key as `delivery:…`); `overrides` answer instead. */
function recordingStore(overrides: Partial<WebhookEventStore> = {}) {
  const log: string[] = []
  const inner = memoryEventStore()
  const name = (key: string) => (key.startsWith('delivery:') ? 'delivery:…' : key)
  const store: WebhookEventStore = {
    claim: (key, leaseMs) => {
      log.push(key.startsWith('delivery:') ? 'claim delivery:…' : `claim ${key} ${leaseMs}`)
      return (overrides.claim ?? inner.claim)(key, leaseMs)
    },
    extend: (key, leaseMs) => {
      log.push(`extend ${name(key)} ${leaseMs}`)
      return (overrides.extend ?? inner.extend)(key, leaseMs)
    },
    complete: (key, ttlMs) => {
      log.push(`complete ${name(key)} ${ttlMs}`)
      return (overrides.complete ?? inner.complete)(key, ttlMs)
    },
    release: (key) => {
      log.push(`release ${name(key)}`)
      return (overrides.release ?? inner.release)(key)
    },
  }
  return { store, log }
}

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

describe('createWebhookHandler', () => {
  afterEach(() => {
    vi.useRealTimers()
    vi.restoreAllMocks()
  })

  it('runs the function for the type, with the event narrowed, and answers 200', async () => {
    const authorized = vi.fn(
      async (event: { eventData: { data: { amount: number } } }, _context: unknown) => {
        expect(event.eventData.data.amount).toBe(3000)
      },
    )
    const handler = handlerWith({ on: { 'order.authorized': authorized } })
    const event = eventOf('order.authorized')
    expect(await answer(await handler(await deliver(event)))).toEqual({
      status: 200,
      body: { received: true },
    })
    expect(authorized).toHaveBeenCalledOnce()
    expect(authorized.mock.calls[0]?.[0]).toMatchObject({ id: event.id, understood: true })
    expect(authorized.mock.calls[0]?.[1]).toMatchObject({ request: expect.any(Request) })
  })

  it('answers 200 for a type it has no function for, running nothing', async () => {
    const authorized = vi.fn()
    const handler = handlerWith({ on: { 'order.authorized': authorized } })
    const response = await handler(await deliver(eventOf('refund.created')))
    expect(await answer(response)).toEqual({
      status: 200,
      body: { received: true, handled: false },
    })
    expect(authorized).not.toHaveBeenCalled()
  })

  it('accepts the shared vector and the official SDK delivery', async () => {
    const seen: string[] = []
    const handler = handlerWith({
      signingSecret: [shared.vectors[0]!.secret, sdk.delivery.secret],
      toleranceMs: false,
      on: {
        'order.authorized': (event) => void seen.push(event.type),
        'payment.created': (event) => void seen.push(event.eventData.data.currency),
      },
    })
    const vector = shared.vectors[0]!
    const official = sdk.delivery
    const requests = [
      new Request(URL_, { method: 'POST', body: vector.body, headers: vector.requestHeaders }),
      new Request(URL_, {
        method: 'POST',
        body: official.body,
        headers: {
          'smartpay-signature': official.signature,
          'smartpay-signature-timestamp': official.timestamp,
        },
      }),
    ]
    for (const request of requests) expect((await handler(request)).status).toBe(200)
    expect(seen).toEqual(['order.authorized', 'JPY'])
  })

  describe('refused deliveries', () => {
    it('answers 400 with the reason, and runs nothing', async () => {
      const authorized = vi.fn()
      const handler = handlerWith({ on: { 'order.authorized': authorized } })
      const request = await deliver(eventOf('order.authorized'), {
        headers: { 'Smartpay-Signature': '0'.repeat(64) },
      })
      const { status, body } = await answer(await handler(request))
      expect(status).toBe(400)
      expect(body.error).toBe('bad-signature')
      expect(body.message).toContain('does not match')
      expect(body.message).not.toContain(secret)
      expect(authorized).not.toHaveBeenCalled()
    })

    it('answers 400 unknown-endpoint when the secret lookup knows no such endpoint', async () => {
      const onError = vi.fn()
      const handler = handlerWith({ signingSecret: () => [], onError })
      const request = await deliver(eventOf('order.authorized'), {
        headers: { 'Smartpay-Subscription-Id': 'webhookendpoint_test_forged' },
      })
      expect((await answer(await handler(request))).body.error).toBe('unknown-endpoint')
      expect(onError).not.toHaveBeenCalled()
    })

    it('answers 400 missing-header to a request without the headers', async () => {
      const request = new Request(URL_, { method: 'POST', body: '{}' })
      expect((await answer(await handlerWith()(request))).body.error).toBe('missing-header')
    })

    it('answers 400 replayed to the same delivery sent again', async () => {
      const authorized = vi.fn()
      const handler = handlerWith({ on: { 'order.authorized': authorized } })
      const request = await deliver(eventOf('order.authorized'))
      const again = request.clone()
      expect((await handler(request)).status).toBe(200)
      expect(await answer(await handler(again))).toMatchObject({
        status: 400,
        body: { error: 'replayed' },
      })
      expect(authorized).toHaveBeenCalledOnce()
    })

    it('answers 400 body-too-large without reading past the limit', async () => {
      const handler = handlerWith({ maxBodyBytes: 100 })
      const request = await deliver(eventOf('order.authorized'))
      expect((await answer(await handler(request))).body.error).toBe('body-too-large')
    })

    it('answers 405 to anything but POST', async () => {
      const response = await handlerWith()(new Request(URL_))
      expect(response.status).toBe(405)
      expect(response.headers.get('allow')).toBe('POST')
    })
  })

  describe('failures', () => {
    it('answers 500 when the function throws, reports it, and runs it again on the retry', async () => {
      const onError = vi.fn()
      const failure = new Error('database down')
      const authorized = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce(undefined)
      const handler = handlerWith({ on: { 'order.authorized': authorized }, onError })
      const event = eventOf('order.authorized')
      const first = await answer(await handler(await deliver(event)))
      expect(first).toEqual({ status: 500, body: { error: 'handler-failed' } })
      expect(JSON.stringify(first)).not.toContain('database down')
      expect(onError).toHaveBeenCalledWith(
        failure,
        expect.objectContaining({ event: expect.objectContaining({ id: event.id }) }),
      )
      // Smartpay's retry: the same event, signed anew.
      expect((await handler(await deliver(event))).status).toBe(200)
      expect(authorized).toHaveBeenCalledTimes(2)
    })

    it('logs a failure with console.error when no onError is given', async () => {
      const log = vi.spyOn(console, 'error').mockImplementation(() => {})
      const handler = createWebhookHandler({
        signingSecret: secret,
        on: {
          'order.authorized': () => {
            throw new Error('boom')
          },
        },
      })
      const event = eventOf('order.authorized')
      expect((await handler(await deliver(event))).status).toBe(500)
      expect(log).toHaveBeenCalledWith(expect.stringContaining(event.id), expect.any(Error))
    })

    it('throws when created without a secret, naming the variable to set', () => {
      for (const signingSecret of [undefined, '']) {
        expect(() => createWebhookHandler({ signingSecret, on: {} })).toThrow(
          expect.objectContaining({
            reason: 'malformed-secret',
            message: expect.stringMatching(/SMARTPAY_WEBHOOK_SECRET/),
          }),
        )
      }
    })

    describe('while a framework build imports the route module', () => {
      afterEach(() => vi.unstubAllEnvs())

      it.each([
        ['NEXT_PHASE', 'phase-production-build'],
        ['SVELTEKIT_FORK', 'true'],
      ])(
        'is made without a secret under %s=%s, and answers every delivery 500, reporting why',
        async (name, value) => {
          vi.stubEnv(name, value)
          const onError = vi.fn()
          const authorized = vi.fn()
          const handler = createWebhookHandler({
            signingSecret: undefined,
            on: { 'order.authorized': authorized },
            onError,
          })
          const response = await handler(await deliver(eventOf('order.authorized')))
          expect(response.status).toBe(500)
          expect(await response.json()).toEqual({ error: 'not-verified' })
          expect(authorized).not.toHaveBeenCalled()
          expect(onError).toHaveBeenCalledWith(
            expect.objectContaining({
              reason: 'malformed-secret',
              message: expect.stringMatching(/SMARTPAY_WEBHOOK_SECRET/),
            }),
            expect.objectContaining({ request: expect.any(Request) }),
          )
        },
      )

      it('still throws for a secret that is there but wrong, or other bad options', () => {
        vi.stubEnv('NEXT_PHASE', 'phase-production-build')
        expect(() =>
          createWebhookHandler({ signingSecret: 'sk_test_notAWebhookSecret', on: {} }),
        ).toThrow(expect.objectContaining({ reason: 'malformed-secret' }))
        expect(() => handlerWith({ signingSecret: undefined, leaseMs: 1 })).toThrow(
          /leaseMs must be/,
        )
        expect(() => handlerWith({ signingSecret: undefined, toleranceMs: -1 })).toThrow(
          /toleranceMs/,
        )
      })

      it('throws at creation outside the build: next start, or another phase', () => {
        for (const phase of [undefined, 'phase-production-server', 'phase-development-server']) {
          vi.stubEnv('NEXT_PHASE', phase)
          expect(() => createWebhookHandler({ signingSecret: undefined, on: {} })).toThrow(
            expect.objectContaining({ reason: 'malformed-secret' }),
          )
        }
      })
    })

    it('throws when created with a malformed secret, such as an API key', () => {
      for (const signingSecret of ['sk_test_notAWebhookSecret', ['fine', 'not base62!']]) {
        expect(() => createWebhookHandler({ signingSecret, on: {} })).toThrow(
          expect.objectContaining({ reason: 'malformed-secret' }),
        )
      }
    })

    it('throws when created with a lease it cannot extend in time', () => {
      for (const leaseMs of [0, 29, 1.5, Number.NaN]) {
        expect(() => handlerWith({ leaseMs })).toThrow(/leaseMs must be/)
      }
    })

    it('answers 500 when a secret function returns a malformed secret', async () => {
      const onError = vi.fn()
      const handler = handlerWith({ signingSecret: () => 'sk_test_notAWebhookSecret', onError })
      const request = await deliver(eventOf('order.authorized'), {
        headers: { 'Smartpay-Subscription-Id': 'webhookendpoint_test_1' },
      })
      expect(await answer(await handler(request))).toEqual({
        status: 500,
        body: { error: 'not-verified' },
      })
      expect(onError.mock.calls[0]?.[0]).toMatchObject({ reason: 'malformed-secret' })
    })

    it('answers 500 when the secret lookup throws', async () => {
      const onError = vi.fn()
      const lookup = new Error('vault unreachable')
      const handler = handlerWith({
        signingSecret: () => Promise.reject(lookup),
        onError,
      })
      const request = await deliver(eventOf('order.authorized'), {
        headers: { 'Smartpay-Subscription-Id': 'webhookendpoint_test_1' },
      })
      expect((await handler(request)).status).toBe(500)
      expect(onError).toHaveBeenCalledWith(lookup, expect.anything())
    })

    it('answers 500 when the body was read before', async () => {
      const request = await deliver(eventOf('order.authorized'))
      await request.text()
      expect((await handlerWith()(request)).status).toBe(500)
    })
  })

  describe('duplicates', () => {
    it('answers 200 to a retry of an event already handled, without running it again', async () => {
      const authorized = vi.fn()
      const handler = handlerWith({ on: { 'order.authorized': authorized } })
      const event = eventOf('order.authorized')
      await handler(await deliver(event))
      expect(await answer(await handler(await deliver(event)))).toEqual({
        status: 200,
        body: { received: true, duplicate: true },
      })
      expect(authorized).toHaveBeenCalledOnce()
    })

    it('runs an event once when two deliveries of it arrive together; the second hears 409', async () => {
      let release = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const authorized = vi.fn(() => gate)
      const handler = handlerWith({ on: { 'order.authorized': authorized } })
      const event = eventOf('order.authorized')
      const [a, b] = [handler(await deliver(event)), handler(await deliver(event))]
      // The second is answered while the first still runs: nothing waits on a clock here.
      const second = await Promise.race([a, b])
      expect(await answer(second)).toEqual({ status: 409, body: { error: 'in-progress' } })
      release()
      expect([(await a).status, (await b).status].sort()).toEqual([200, 409])
      expect(authorized).toHaveBeenCalledOnce()
      // Smartpay's next retry, once the first run ended:
      expect((await answer(await handler(await deliver(event)))).body).toEqual({
        received: true,
        duplicate: true,
      })
    })

    it('claims the delivery, then the event, and completes it only after the function returned', async () => {
      const { store, log } = recordingStore()
      const handler = handlerWith({ store, on: { 'order.authorized': () => void log.push('run') } })
      await handler(await deliver(eventOf('order.authorized', 'evt_test_markedAfter')))
      expect(log).toEqual([
        'claim delivery:…',
        'claim evt_test_markedAfter 30000',
        'run',
        'complete evt_test_markedAfter 259200000',
      ])
    })

    it('releases the claim when the function throws, so the retry runs it', async () => {
      const { store, log } = recordingStore()
      const handler = handlerWith({
        store,
        on: {
          'order.authorized': () => {
            throw new Error('database down')
          },
        },
      })
      await handler(await deliver(eventOf('order.authorized', 'evt_test_released')))
      expect(log.slice(1)).toEqual(['claim evt_test_released 30000', 'release evt_test_released'])
    })

    it('answers 409 for an event the store says is busy, running nothing and releasing nothing', async () => {
      const { store, log } = recordingStore({
        claim: (key) => (key.startsWith('evt') ? 'busy' : 'claimed'),
      })
      const authorized = vi.fn()
      const handler = handlerWith({ store, on: { 'order.authorized': authorized } })
      const response = await handler(await deliver(eventOf('order.authorized', 'evt_test_busy')))
      expect(await answer(response)).toEqual({ status: 409, body: { error: 'in-progress' } })
      expect(authorized).not.toHaveBeenCalled()
      expect(log.slice(1)).toEqual(['claim evt_test_busy 30000'])
    })

    it('gives the store the event id exactly as the signed body has it, whatever the headers say', async () => {
      const { store, log } = recordingStore()
      const handler = handlerWith({ store, on: { 'order.authorized': () => {} } })
      const request = await deliver(eventOf('order.authorized', 'evt_test_Body'), {
        headers: { 'Smartpay-Event-Id': 'evt_test_Header' },
      })
      await handler(request)
      expect(log).toContain('claim evt_test_Body 30000')
    })

    it('extends the claim every third of leaseMs while the function runs', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
      const { store, log } = recordingStore()
      let finish = () => {}
      const running = new Promise<void>((resolve) => {
        finish = resolve
      })
      const started = vi.fn()
      const handler = handlerWith({
        store,
        leaseMs: 3000,
        on: {
          'order.authorized': () => {
            started()
            return running
          },
        },
      })
      const answered = handler(await deliver(eventOf('order.authorized', 'evt_test_slow')))
      await vi.waitFor(() => expect(started).toHaveBeenCalled(), { timeout: 30_000 })
      await vi.advanceTimersByTimeAsync(3000)
      finish()
      expect((await answered).status).toBe(200)
      vi.useRealTimers()
      expect(log.filter((line) => line.startsWith('extend'))).toEqual([
        'extend evt_test_slow 3000',
        'extend evt_test_slow 3000',
        'extend evt_test_slow 3000',
      ])
      expect(log.at(-1)).toMatch(/^complete evt_test_slow/)
    })

    it("reports a lost claim, and does not release what may be someone else's", async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
      const { store, log } = recordingStore({ extend: () => false })
      const onError = vi.fn()
      let fail = (_: Error) => {}
      const running = new Promise<void>((_, reject) => {
        fail = reject
      })
      const started = vi.fn()
      const handler = handlerWith({
        store,
        onError,
        leaseMs: 300,
        on: {
          'order.authorized': () => {
            started()
            return running
          },
        },
      })
      const answered = handler(await deliver(eventOf('order.authorized', 'evt_test_lost')))
      await vi.waitFor(() => expect(started).toHaveBeenCalled(), { timeout: 30_000 })
      await vi.advanceTimersByTimeAsync(300)
      fail(new Error('too late anyway'))
      expect((await answered).status).toBe(500)
      vi.useRealTimers()
      expect(String(onError.mock.calls[0]?.[0])).toMatch(/claim on evt_test_lost ran out.*leaseMs/)
      expect(log).not.toContain('release evt_test_lost')
    })

    it('answers 200 when the function ran but the store failed to record it, and reports it', async () => {
      const trouble = new Error('redis gone')
      const { store } = recordingStore({
        complete: () => {
          throw trouble
        },
      })
      const onError = vi.fn()
      const handler = handlerWith({ store, onError, on: { 'order.authorized': () => {} } })
      const response = await handler(await deliver(eventOf('order.authorized')))
      expect(response.status).toBe(200)
      expect(onError).toHaveBeenCalledWith(
        trouble,
        expect.objectContaining({ event: expect.anything() }),
      )
    })

    it('answers 500, running nothing, when the store cannot claim', async () => {
      const { store } = recordingStore({
        claim: (key) => (key.startsWith('evt') ? Promise.reject(new Error('down')) : 'claimed'),
      })
      const authorized = vi.fn()
      const handler = handlerWith({ store, on: { 'order.authorized': authorized } })
      const response = await handler(await deliver(eventOf('order.authorized')))
      expect(await answer(response)).toEqual({ status: 500, body: { error: 'handler-failed' } })
      expect(authorized).not.toHaveBeenCalled()
    })

    it('runs every delivery with store: false', async () => {
      const authorized = vi.fn()
      const handler = handlerWith({ store: false, on: { 'order.authorized': authorized } })
      const event = eventOf('order.authorized')
      const request = await deliver(event)
      await handler(request.clone())
      await handler(request)
      expect(authorized).toHaveBeenCalledTimes(2)
    })

    it('keeps each handler its own default store: one event, two endpoints, both run', async () => {
      const [fulfil, record] = [vi.fn(), vi.fn()]
      const fulfilment = handlerWith({ on: { 'order.authorized': fulfil } })
      const bookkeeping = handlerWith({ on: { 'order.authorized': record } })
      const event = eventOf('order.authorized')
      expect((await fulfilment(await deliver(event))).status).toBe(200)
      expect((await bookkeeping(await deliver(event))).status).toBe(200)
      expect([fulfil.mock.calls.length, record.mock.calls.length]).toEqual([1, 1])
    })
  })

  describe('events this version does not understand', () => {
    const drifted = () => {
      const event = eventOf('order.authorized')
      return { ...event, eventData: { ...event.eventData, data: { id: 'order_test_1' } } }
    }

    it('gives them to `unrecognized`, with the body and the issues, and answers 200', async () => {
      const unrecognized = vi.fn()
      const authorized = vi.fn()
      const handler = handlerWith({ unrecognized, on: { 'order.authorized': authorized } })
      const event = drifted()
      expect((await handler(await deliver(event))).status).toBe(200)
      expect(authorized).not.toHaveBeenCalled()
      expect(unrecognized).toHaveBeenCalledOnce()
      expect(unrecognized.mock.calls[0]?.[0]).toMatchObject({
        understood: false,
        eventType: 'order.authorized',
        id: event.id,
        json: event,
        issues: expect.arrayContaining([expect.stringMatching(/^eventData\.data\.status: /)]),
      })
    })

    it('acknowledges a new type with 200 when no function wants it', async () => {
      const response = await handlerWith()(await deliver(eventOf('order.exploded')))
      expect(await answer(response)).toEqual({
        status: 200,
        body: { received: true, handled: false },
      })
    })

    it('acknowledges a correctly signed body that is not JSON', async () => {
      const unrecognized = vi.fn()
      const handler = handlerWith({ unrecognized })
      expect((await handler(await deliver('not json'))).status).toBe(200)
      expect(unrecognized.mock.calls[0]?.[0]).toMatchObject({ text: 'not json', json: undefined })
    })

    it('answers 500 for a drifted type `on` handles, when there is no `unrecognized`', async () => {
      const onError = vi.fn()
      const authorized = vi.fn()
      const handler = handlerWith({ onError, on: { 'order.authorized': authorized } })
      const response = await handler(await deliver(drifted()))
      expect(await answer(response)).toEqual({ status: 500, body: { error: 'not-understood' } })
      expect(authorized).not.toHaveBeenCalled()
      expect(String(onError.mock.calls[0]?.[0])).toMatch(/Pass `unrecognized`/)
    })
  })
})
