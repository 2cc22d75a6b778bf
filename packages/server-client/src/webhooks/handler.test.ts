import { afterEach, describe, expect, it, vi } from 'vitest'
import { createWebhookHandler, type WebhookHandlerOptions } from './handler.js'
import sdk from './sdk-vectors.json'
import type { SeenEventStore } from './seenEvents.js'
import { signWebhook } from './sign.js'
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

async function answer(response: Response) {
  return { status: response.status, body: await response.json() }
}

describe('createWebhookHandler', () => {
  afterEach(() => {
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

    it('answers 500 when the secret is malformed: this server is misconfigured', async () => {
      const onError = vi.fn()
      const handler = handlerWith({ signingSecret: 'sk_test_notAWebhookSecret', onError })
      const response = await handler(await deliver(eventOf('order.authorized')))
      expect(await answer(response)).toEqual({ status: 500, body: { error: 'not-verified' } })
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

    it('runs an event once when two deliveries of it arrive together', async () => {
      let release = () => {}
      const gate = new Promise<void>((resolve) => {
        release = resolve
      })
      const authorized = vi.fn(() => gate)
      const handler = handlerWith({ on: { 'order.authorized': authorized } })
      const event = eventOf('order.authorized')
      const [a, b] = [handler(await deliver(event)), handler(await deliver(event))]
      // A safety net, not a measure: verifying the signature takes its time on a busy machine.
      await vi.waitFor(() => expect(authorized).toHaveBeenCalled(), { timeout: 30_000 })
      release()
      expect([(await a).status, (await b).status]).toEqual([200, 200])
      expect(authorized).toHaveBeenCalledOnce()
    })

    it('marks an event seen in the given store only after the function succeeded', async () => {
      const log: string[] = []
      const keys = new Set<string>()
      const seenEvents: SeenEventStore = {
        seen: async (key) => keys.has(key),
        markSeen: async (key, ttlMs) => {
          log.push(`mark ${key.split(':')[0]} ${ttlMs > 0}`)
          keys.add(key)
        },
      }
      const handler = handlerWith({
        seenEvents,
        on: {
          'order.authorized': () => {
            log.push('run')
          },
        },
      })
      const event = eventOf('order.authorized', 'evt_test_markedAfter')
      await handler(await deliver(event))
      // The delivery is remembered when verified; the event id once it is handled.
      expect(log).toEqual(['mark delivery true', 'run', 'mark evt_test_markedAfter true'])
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
