import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isWebhookVerificationError, type WebhookVerificationErrorReason } from './errors.js'
import { WEBHOOK_EVENT_TYPES } from './event.js'
import { verifyWebhookRequest } from './request.js'
import sdk from './sdk-vectors.json'
import { signWebhook } from './sign.js'
import type { WebhookEventStore } from './stores/eventStore.js'
import { memoryEventStore } from './stores/memoryEventStore.js'
import type { UnderstoodWebhookEvent, UnrecognizedWebhookEvent } from './understand.js'
import { type VerifyWebhookOptions, verifyWebhook } from './verify.js'
import shared from './webhook-vectors.json'

const official = sdk.delivery
const vector = shared.vectors[0]!
const encode = (text: string) => new TextEncoder().encode(text)

/** The official SDK delivery, as Node's http module hands it over (lowercase names). */
function delivery(overrides: Partial<VerifyWebhookOptions> = {}): VerifyWebhookOptions {
  return {
    body: official.body,
    headers: {
      'smartpay-signature': official.signature,
      'smartpay-signature-timestamp': official.timestamp,
    },
    signingSecret: official.secret,
    toleranceMs: false,
    ...overrides,
  }
}

async function failure(promise: Promise<unknown>, reason: WebhookVerificationErrorReason) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isWebhookVerificationError(error))
    throw new Error(`expected a WebhookVerificationError, got ${error}`)
  expect(error.reason).toBe(reason)
  return error
}

/** The event, which must be one this version understands. */
async function understood(promise: Promise<unknown>): Promise<UnderstoodWebhookEvent> {
  const event = (await promise) as UnderstoodWebhookEvent | UnrecognizedWebhookEvent
  if (!event.understood) throw new Error(`not understood: ${event.issues.join('; ')}`)
  return event
}

/** The event, which must be authentic but not understood. */
async function unrecognized(promise: Promise<unknown>): Promise<UnrecognizedWebhookEvent> {
  const event = (await promise) as UnderstoodWebhookEvent | UnrecognizedWebhookEvent
  if (event.understood) throw new Error(`understood as ${event.type}`)
  return event
}

/** A valid event of any type, with fields this library does not know about. */
const eventArbitrary = fc
  .record({
    type: fc.constantFrom(...WEBHOOK_EVENT_TYPES),
    withTopLevelEvent: fc.boolean(),
    id: fc.stringMatching(/^evt_(test|live)_[0-9A-Za-z]{1,22}$/),
    createdAt: fc.integer({ min: 0, max: 2 ** 45 }),
    test: fc.boolean(),
    data: fc.record({
      id: fc.string(),
      object: fc.string(),
      status: fc.string(),
      amount: fc.integer(),
      currency: fc.constantFrom('JPY', 'jpy'),
      description: fc.string({ unit: 'grapheme' }),
      metadata: fc.dictionary(fc.string(), fc.string({ unit: 'binary' })),
      extra: fc.jsonValue(),
    }),
  })
  .map(({ type, withTopLevelEvent, data, ...envelope }) => ({
    ...envelope,
    object: 'event',
    ...(withTopLevelEvent ? { event: type } : {}),
    eventData: { type, version: '2022-02-18', data },
  }))

const secretArbitrary = fc.string({
  unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'),
  minLength: 1,
  maxLength: 48,
})

describe('verifyWebhook', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  describe('vectors', () => {
    it('accepts the payment.created delivery from the official SDK tests', async () => {
      const event = await understood(verifyWebhook(delivery()))
      expect(event.type).toBe('payment.created')
      expect(event.event).toBe('payment.created')
      expect(event.eventData.version).toBe('2022-02-18')
      if (event.type !== 'payment.created') throw new Error('not narrowed')
      expect(event.eventData.data).toMatchObject({
        amount: 200,
        currency: 'JPY',
        status: 'processed',
      })
    })

    it('accepts the shared order.authorized vector and names its full type everywhere', async () => {
      const event = await verifyWebhook({
        body: vector.body,
        headers: vector.requestHeaders,
        signingSecret: vector.secret,
        toleranceMs: false,
      })
      expect(event).toMatchObject({
        id: 'evt_test_Zk3Nq8Vb2Lm7Xc1Rt5Wd9H',
        type: 'order.authorized',
        event: 'order.authorized',
        eventData: { type: 'order.authorized', data: { amount: 3000, status: 'succeeded' } },
      })
    })

    it('keeps every field of the body, including ones it does not check', async () => {
      const event = await understood(verifyWebhook(delivery()))
      expect(event.eventData.data).toEqual(JSON.parse(official.body).eventData.data)
    })
  })

  describe('headers', () => {
    it.each([
      ['lowercase names', 'smartpay-signature', 'smartpay-signature-timestamp'],
      ['documented names', 'Smartpay-Signature', 'Smartpay-Signature-Timestamp'],
      ['uppercase names', 'SMARTPAY-SIGNATURE', 'SMARTPAY-SIGNATURE-TIMESTAMP'],
    ])('finds them in a record with %s', async (_, signatureName, timestampName) => {
      const headers = { [signatureName]: official.signature, [timestampName]: official.timestamp }
      await expect(verifyWebhook(delivery({ headers }))).resolves.toMatchObject({
        type: 'payment.created',
      })
    })

    it('finds them in a Headers object', async () => {
      const headers = new Headers({
        'Smartpay-Signature': official.signature,
        'Smartpay-Signature-Timestamp': official.timestamp,
      })
      await expect(verifyWebhook(delivery({ headers }))).resolves.toBeDefined()
    })

    it('reads string[] values, as IncomingHttpHeaders may hold', async () => {
      const headers = {
        'smartpay-signature': [official.signature],
        'smartpay-signature-timestamp': [official.timestamp],
        'content-type': undefined,
      }
      await expect(verifyWebhook(delivery({ headers }))).resolves.toBeDefined()
    })

    it('joins repeated values as Headers does, which then fails to match', async () => {
      const headers = {
        'smartpay-signature': [official.signature, official.signature],
        'smartpay-signature-timestamp': official.timestamp,
      }
      await failure(verifyWebhook(delivery({ headers })), 'bad-signature')
    })

    it('accepts an uppercase hex signature', async () => {
      const headers = {
        'smartpay-signature': official.signature.toUpperCase(),
        'smartpay-signature-timestamp': official.timestamp,
      }
      await expect(verifyWebhook(delivery({ headers }))).resolves.toBeDefined()
    })

    it.each([
      ['the signature header is absent', { 'smartpay-signature-timestamp': official.timestamp }],
      ['the timestamp header is absent', { 'smartpay-signature': official.signature }],
      [
        'the signature header is empty',
        { 'smartpay-signature': ' ', 'smartpay-signature-timestamp': official.timestamp },
      ],
      [
        'the signature header is undefined',
        { 'smartpay-signature': undefined, 'smartpay-signature-timestamp': official.timestamp },
      ],
      [
        'the signature header is an empty list',
        { 'smartpay-signature': [], 'smartpay-signature-timestamp': official.timestamp },
      ],
    ])('refuses with missing-header when %s', async (_, headers) => {
      const error = await failure(verifyWebhook(delivery({ headers })), 'missing-header')
      expect(error.message).toMatch(/Smartpay-Signature(-Timestamp)? header is missing/)
    })

    it('refuses with missing-header when a secret function has no subscription id', async () => {
      const signingSecret = vi.fn(() => official.secret)
      const error = await failure(verifyWebhook(delivery({ signingSecret })), 'missing-header')
      expect(error.message).toContain('Smartpay-Subscription-Id')
      expect(signingSecret).not.toHaveBeenCalled()
    })
  })

  describe('body', () => {
    it.each([
      ['a string', official.body],
      ['a Uint8Array', encode(official.body)],
      ['an ArrayBuffer', encode(official.body).buffer],
      ['a Node Buffer', Buffer.from(official.body)],
    ])('accepts the raw body as %s', async (_, body) => {
      await expect(verifyWebhook(delivery({ body }))).resolves.toMatchObject({
        id: 'evt_test_dwPfFKu5iSEKyHR2LFj9Lx',
      })
    })

    it('refuses a parsed and re-serialized body, and says why', async () => {
      const body = JSON.stringify(JSON.parse(official.body), null, 2)
      const error = await failure(verifyWebhook(delivery({ body })), 'bad-signature')
      expect(error.message).toContain('raw bytes as received')
      expect(error.message).toContain('re-serialized')
    })

    it('throws a TypeError for a body that was parsed into an object', async () => {
      const body = JSON.parse(official.body) as unknown as string
      await expect(verifyWebhook(delivery({ body }))).rejects.toThrow(
        /looks parsed already.*express\.raw/,
      )
    })

    // Authentic means delivered: these were refused as malformed-body / unknown-event-type
    // before, so the handler never got them and Smartpay delivered them again and again.
    it('returns a correctly signed body that is not JSON, unrecognized, with its text', async () => {
      const signed = await signWebhook({ body: 'hello', signingSecret: official.secret })
      const event = await unrecognized(
        verifyWebhook(delivery({ body: 'hello', headers: signed.headers })),
      )
      expect(event).toMatchObject({ json: undefined, text: 'hello', id: undefined })
      expect(event.eventType).toBeUndefined()
      expect(event.type).toBeUndefined()
      expect(event.issues).toEqual([expect.stringContaining('the body is not JSON')])
    })

    it('returns a correctly signed body that is not UTF-8, unrecognized', async () => {
      const body = new Uint8Array([0x7b, 0xff, 0x7d])
      const signed = await signWebhook({ body, signingSecret: official.secret })
      const event = await unrecognized(verifyWebhook(delivery({ body, headers: signed.headers })))
      expect(event.issues).toEqual(['the body is not UTF-8'])
      expect(event.text).toBe('{\uFFFD}')
    })

    it('returns an authentic event of a type it does not know, with its body and type', async () => {
      const body = official.body.replaceAll('payment.created', 'payment.exploded')
      const signed = await signWebhook({ body, signingSecret: official.secret })
      const event = await unrecognized(verifyWebhook(delivery({ body, headers: signed.headers })))
      expect(event.eventType).toBe('payment.exploded')
      expect(event.id).toBe('evt_test_dwPfFKu5iSEKyHR2LFj9Lx')
      expect(event.json).toEqual(JSON.parse(body))
      expect(event.text).toBe(body)
      expect(event.issues.join('\n')).toContain('unknown event type "payment.exploded"')
    })

    it('names the event type from the event field first, then eventData.type', async () => {
      const event = JSON.parse(official.body)
      for (const [fields, type] of [
        [
          { event: 'order.expired', eventData: { ...event.eventData, type: 'order' } },
          'order.expired',
        ],
        [
          { event: undefined, eventData: { ...event.eventData, type: 'order.expired' } },
          'order.expired',
        ],
      ] as const) {
        const body = JSON.stringify({ ...event, ...fields })
        const signed = await signWebhook({ body, signingSecret: official.secret })
        const got = await unrecognized(verifyWebhook(delivery({ body, headers: signed.headers })))
        expect(got.eventType).toBe(type)
      }
    })

    it('returns a known type whose data drifted, unrecognized, naming each field', async () => {
      const event = JSON.parse(official.body)
      const data = { ...event.eventData.data, amount: '200' }
      delete data.currency
      const body = JSON.stringify({ ...event, eventData: { ...event.eventData, data } })
      const signed = await signWebhook({ body, signingSecret: official.secret })
      const got = await unrecognized(verifyWebhook(delivery({ body, headers: signed.headers })))
      expect(got.eventType).toBe('payment.created')
      expect(got.json).toEqual(JSON.parse(body))
      expect(got.issues).toEqual([
        expect.stringMatching(/^eventData\.data\.amount: .*number/),
        expect.stringMatching(/^eventData\.data\.currency: /),
      ])
    })

    it('returns a JSON value that is no event at all, unrecognized', async () => {
      for (const body of ['[1,2]', 'null', '"evt"', '{"id":5}']) {
        const signed = await signWebhook({ body, signingSecret: official.secret })
        const got = await unrecognized(verifyWebhook(delivery({ body, headers: signed.headers })))
        expect(got.json).toEqual(JSON.parse(body))
        expect(got.id).toBeUndefined()
        expect(got.issues.length).toBeGreaterThan(0)
      }
    })
  })

  describe('signature', () => {
    it('refuses a different secret with bad-signature, without printing either secret', async () => {
      const other = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'
      const error = await failure(
        verifyWebhook(delivery({ signingSecret: other })),
        'bad-signature',
      )
      expect(error.message).toContain("this endpoint's signingSecret")
      expect(error.message).not.toContain(other)
      expect(error.message).not.toContain(official.secret)
    })

    it('refuses a signature that is not 64 hex digits and says so', async () => {
      const headers = { ...delivery().headers, 'smartpay-signature': `${official.signature}00` }
      const error = await failure(verifyWebhook(delivery({ headers })), 'bad-signature')
      expect(error.message).toContain('not 64 hex digits')
    })

    it('refuses a signature made for another timestamp', async () => {
      const headers = { ...delivery().headers, 'smartpay-signature-timestamp': '1653028612221' }
      await failure(verifyWebhook(delivery({ headers })), 'bad-signature')
    })

    it('refuses a malformed secret before comparing anything', async () => {
      const error = await failure(
        verifyWebhook(delivery({ signingSecret: 'not-base62' })),
        'malformed-secret',
      )
      expect(error.message).not.toContain('not-base62')
    })
  })

  describe('secret rotation and lookup', () => {
    const wrong = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'

    it('accepts the delivery when any secret of a list matches', async () => {
      await expect(
        verifyWebhook(delivery({ signingSecret: [wrong, official.secret] })),
      ).resolves.toBeDefined()
      await expect(
        verifyWebhook(delivery({ signingSecret: [official.secret, wrong] })),
      ).resolves.toBeDefined()
    })

    it('refuses with bad-signature when no secret of a list matches', async () => {
      const error = await failure(
        verifyWebhook(delivery({ signingSecret: [wrong, 'AnotherWrongSecret'] })),
        'bad-signature',
      )
      expect(error.message).toContain('any of the 2 signingSecrets')
    })

    it('refuses a missing secret as malformed-secret, naming SMARTPAY_WEBHOOK_SECRET', async () => {
      const error = await failure(
        verifyWebhook(delivery({ signingSecret: undefined })),
        'malformed-secret',
      )
      expect(error.message).toMatch(/it is undefined\. Set SMARTPAY_WEBHOOK_SECRET/)
    })

    it('refuses an empty list as malformed-secret', async () => {
      await failure(verifyWebhook(delivery({ signingSecret: [] })), 'malformed-secret')
    })

    it('refuses a list holding a malformed secret as malformed-secret', async () => {
      await failure(
        verifyWebhook(delivery({ signingSecret: [official.secret, 'bad secret'] })),
        'malformed-secret',
      )
    })

    it('asks a secret function for the secret of the delivering endpoint', async () => {
      const subscriptionId = 'webhookendpoint_test_2Gt6yN8wEr4KsM1qZc9vBx'
      const secrets: Record<string, string> = { [subscriptionId]: official.secret }
      const signingSecret = vi.fn(async (id: string) => secrets[id] ?? wrong)
      const headers = { ...delivery().headers, 'Smartpay-Subscription-Id': subscriptionId }
      await expect(verifyWebhook(delivery({ headers, signingSecret }))).resolves.toBeDefined()
      expect(signingSecret).toHaveBeenCalledWith(subscriptionId)
    })

    it('accepts a list from a secret function', async () => {
      const headers = {
        ...delivery().headers,
        'smartpay-subscription-id': 'webhookendpoint_test_x',
      }
      const signingSecret = () => [wrong, official.secret]
      await expect(verifyWebhook(delivery({ headers, signingSecret }))).resolves.toBeDefined()
    })

    // Was malformed-secret: an unknown id is anyone's to send, so it is a refusal (400 in the
    // handler), not this server's configuration error (500).
    it.each([
      ['undefined', undefined],
      ['an empty list', []],
    ])('refuses as unknown-endpoint when a secret function returns %s', async (_, secrets) => {
      const headers = {
        ...delivery().headers,
        'smartpay-subscription-id': 'webhookendpoint_test_x',
      }
      const signingSecret = () => secrets as unknown as string
      const error = await failure(
        verifyWebhook(delivery({ headers, signingSecret })),
        'unknown-endpoint',
      )
      expect(error.message).toContain('"webhookendpoint_test_x"')
    })
  })

  describe('timestamp tolerance', () => {
    const now = 1_700_000_000_000
    const signedAt = async (timestamp: number, toleranceMs?: number | false) => {
      const signed = await signWebhook({
        body: vector.body,
        signingSecret: vector.secret,
        timestamp,
      })
      const options = { body: vector.body, headers: signed.headers, signingSecret: vector.secret }
      return verifyWebhook(toleranceMs === undefined ? options : { ...options, toleranceMs })
    }

    it.each([
      ['exactly 5 minutes old', now - 300_000],
      ['exactly 5 minutes ahead', now + 300_000],
      ['signed now', now],
    ])('accepts a delivery %s by default', async (_, timestamp) => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      await expect(signedAt(timestamp)).resolves.toBeDefined()
    })

    it.each([
      ['5 minutes and 1 ms old', now - 300_001, 'in the past'],
      ['5 minutes and 1 ms ahead', now + 300_001, 'in the future'],
    ])('refuses a delivery %s by default', async (_, timestamp, direction) => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const error = await failure(signedAt(timestamp), 'timestamp-outside-tolerance')
      expect(error.message).toContain(direction)
      expect(error.message).toContain('toleranceMs: false')
    })

    it('honours a custom tolerance', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      await expect(signedAt(now - 1000, 1000)).resolves.toBeDefined()
      await failure(signedAt(now - 1001, 1000), 'timestamp-outside-tolerance')
    })

    it('refuses the 2022 official SDK delivery today unless the check is off', async () => {
      const error = await failure(
        verifyWebhook({ ...delivery(), toleranceMs: 300_000 }),
        'timestamp-outside-tolerance',
      )
      expect(error.message).toContain('The signature is valid')
    })

    it('refuses a correctly signed timestamp that is not milliseconds, unless the check is off', async () => {
      const signed = await signWebhook({
        body: vector.body,
        signingSecret: vector.secret,
        timestamp: '2023-11-14T22:13:20Z',
      })
      const options = { body: vector.body, headers: signed.headers, signingSecret: vector.secret }
      await failure(verifyWebhook(options), 'timestamp-outside-tolerance')
      await expect(verifyWebhook({ ...options, toleranceMs: false })).resolves.toBeDefined()
    })

    it('checks the signature first, so a forged old delivery reads as bad-signature', async () => {
      const headers = { ...delivery().headers, 'smartpay-signature': '0'.repeat(64) }
      await failure(verifyWebhook(delivery({ headers, toleranceMs: 300_000 })), 'bad-signature')
    })

    it.each([-1, Number.NaN])('throws a TypeError for toleranceMs %s', async (toleranceMs) => {
      await expect(verifyWebhook(delivery({ toleranceMs }))).rejects.toThrow(TypeError)
    })
  })

  describe('replays', () => {
    const now = 1_700_000_000_000
    const signed = async (timestamp = now) => {
      const { headers } = await signWebhook({
        body: vector.body,
        signingSecret: vector.secret,
        timestamp,
      })
      return { body: vector.body, headers, signingSecret: vector.secret }
    }

    it('refuses the same delivery the second time as replayed, by default', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      // A timestamp no other test signs with: the default store is this process's.
      const options = await signed(now - 17)
      await understood(verifyWebhook(options))
      const error = await failure(verifyWebhook(options), 'replayed')
      expect(error.message).toContain('same signature')
    })

    it("accepts Smartpay's retry of the same event: it is signed anew", async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const store = memoryEventStore()
      await understood(verifyWebhook({ ...(await signed(now - 2000)), store }))
      const retry = await understood(verifyWebhook({ ...(await signed(now - 1000)), store }))
      expect(retry.id).toBe('evt_test_Zk3Nq8Vb2Lm7Xc1Rt5Wd9H')
    })

    it('remembers a delivery in the given store until its timestamp leaves the window', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const marks: [string, number][] = []
      const keys = new Set<string>()
      const store: WebhookEventStore = {
        claim: async (key, leaseMs) => {
          marks.push([key, leaseMs])
          if (keys.has(key)) return 'busy'
          keys.add(key)
          return 'claimed'
        },
        extend: () => false,
        complete: () => {},
        release: () => {},
      }
      const options = { ...(await signed(now - 60_000)), store }
      await understood(verifyWebhook(options))
      const signature = (options.headers as Record<string, string>)['Smartpay-Signature']
      expect(marks).toEqual([[`delivery:${signature}`, 240_000]])
      await failure(verifyWebhook(options), 'replayed')
      expect(marks).toHaveLength(2)
    })

    it('lets a replay through once the store forgot it, to the timestamp check', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const store = memoryEventStore()
      const options = { ...(await signed(now - 299_000)), store }
      await understood(verifyWebhook(options))
      vi.setSystemTime(now + 1001)
      await failure(verifyWebhook(options), 'timestamp-outside-tolerance')
    })

    it('does not remember a refused delivery', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const store = memoryEventStore()
      const options = { ...(await signed(now - 5000)), store }
      await failure(verifyWebhook({ ...options, body: `${vector.body} ` }), 'bad-signature')
      await understood(verifyWebhook(options))
    })

    it('checks nothing with store: false, nor by default when toleranceMs is false', async () => {
      vi.useFakeTimers({ now, toFake: ['Date'] })
      const options = await signed(now - 23)
      for (const extra of [{ store: false as const }, { toleranceMs: false as const }]) {
        await understood(verifyWebhook({ ...options, ...extra }))
        await understood(verifyWebhook({ ...options, ...extra }))
      }
    })

    it('checks a given store even when toleranceMs is false', async () => {
      const store = memoryEventStore()
      const options = { ...(await signed(1)), store, toleranceMs: false as const }
      await understood(verifyWebhook(options))
      await failure(verifyWebhook(options), 'replayed')
    })
  })

  describe('body size', () => {
    it('refuses a body over maxBodyBytes before computing anything over it', async () => {
      const verify = vi.spyOn(crypto.subtle, 'verify')
      const signingSecret = vi.fn(() => official.secret)
      const headers = { ...delivery().headers, 'smartpay-subscription-id': 'webhookendpoint_x' }
      const size = new TextEncoder().encode(official.body).byteLength
      const options = delivery({ headers, signingSecret, maxBodyBytes: size - 1 })
      const error = await failure(verifyWebhook(options), 'body-too-large')
      expect(error.message).toContain(`got ${size} bytes`)
      expect(verify).not.toHaveBeenCalled()
      expect(signingSecret).not.toHaveBeenCalled()
      await understood(verifyWebhook({ ...options, maxBodyBytes: size }))
      verify.mockRestore()
    })

    it('counts the bytes of a string body, not its characters', async () => {
      const body = JSON.stringify({ note: '抹茶'.repeat(50) }) // 3 bytes a character in UTF-8
      const { headers } = await signWebhook({ body, signingSecret: official.secret })
      const options = { body, headers, signingSecret: official.secret, toleranceMs: false as const }
      await failure(verifyWebhook({ ...options, maxBodyBytes: body.length + 10 }), 'body-too-large')
    })

    it('refuses by default a body over 256 KiB', async () => {
      const body = 'x'.repeat(262_145)
      await failure(verifyWebhook(delivery({ body })), 'body-too-large')
      await failure(verifyWebhook(delivery({ body: body.slice(1) })), 'bad-signature')
    })

    it.each([0, -1, 1.5, Number.NaN])('throws a TypeError for maxBodyBytes %s', async (max) => {
      await expect(verifyWebhook(delivery({ maxBodyBytes: max }))).rejects.toThrow(TypeError)
    })
  })

  describe('properties', () => {
    it('accepts every correctly signed event, whatever its type, fields, secret or spacing', async () => {
      await fc.assert(
        fc.asyncProperty(
          eventArbitrary,
          secretArbitrary,
          fc.integer({ min: 0, max: 2 ** 50 }),
          fc.constantFrom(undefined, 2, '\t'),
          fc.boolean(),
          async (input, signingSecret, timestamp, space, asBytes) => {
            const text = JSON.stringify(input, null, space)
            const body = asBytes ? encode(text) : text
            const { headers } = await signWebhook({ body, signingSecret, timestamp })
            const event = await verifyWebhook({ body, headers, signingSecret, toleranceMs: false })
            const type = input.eventData.type
            const parsed = JSON.parse(text)
            expect(event).toEqual({
              ...parsed,
              understood: true,
              type,
              event: type,
              eventData: { ...parsed.eventData, type },
            })
          },
        ),
      )
    })

    const changedByte = (text: string) =>
      fc
        .record({ at: fc.nat({ max: text.length - 1 }), to: fc.integer({ min: 0x20, max: 0x7e }) })
        .filter(({ at, to }) => text.charCodeAt(at) !== to)

    it('refuses the delivery when any one byte of the body changes', async () => {
      const original = encode(official.body)
      await fc.assert(
        fc.asyncProperty(
          fc
            .record({ at: fc.nat({ max: original.length - 1 }), to: fc.nat({ max: 255 }) })
            .filter(({ at, to }) => original[at] !== to),
          async ({ at, to }) => {
            const body = original.slice()
            body[at] = to
            await failure(verifyWebhook(delivery({ body })), 'bad-signature')
          },
        ),
      )
    })

    it('refuses the delivery when any one character of the timestamp changes', async () => {
      await fc.assert(
        fc.asyncProperty(changedByte(official.timestamp), async ({ at, to }) => {
          const timestamp = [...official.timestamp]
          timestamp[at] = String.fromCharCode(to)
          const headers = {
            'smartpay-signature': official.signature,
            'smartpay-signature-timestamp': timestamp.join(''),
          }
          await failure(verifyWebhook(delivery({ headers })), 'bad-signature')
        }),
      )
    })

    it('refuses the delivery when any one digit of the signature changes value', async () => {
      await fc.assert(
        fc.asyncProperty(
          changedByte(official.signature).filter(
            ({ at, to }) =>
              String.fromCharCode(to).toLowerCase() !== official.signature[at]?.toLowerCase(),
          ),
          async ({ at, to }) => {
            const signature = [...official.signature]
            signature[at] = String.fromCharCode(to)
            const headers = {
              'smartpay-signature': signature.join(''),
              'smartpay-signature-timestamp': official.timestamp,
            }
            await failure(verifyWebhook(delivery({ headers })), 'bad-signature')
          },
        ),
      )
    })
  })
})

describe('verifyWebhookRequest', () => {
  const request = (body: string, headers: Record<string, string>) =>
    new Request('https://shop.example/webhooks/smartpay', { method: 'POST', body, headers })

  it('reads the raw body and headers from a Web Request', async () => {
    const event = await verifyWebhookRequest(request(vector.body, vector.requestHeaders), {
      signingSecret: vector.secret,
      toleranceMs: false,
    })
    expect(event.type).toBe('order.authorized')
  })

  it('refuses a body whose Content-Length is over maxBodyBytes without reading it', async () => {
    const big = request(vector.body, { ...vector.requestHeaders, 'content-length': '9999' })
    const error = await failure(
      verifyWebhookRequest(big, { signingSecret: vector.secret, maxBodyBytes: 9998 }),
      'body-too-large',
    )
    expect(error.message).toContain('9999 bytes')
    expect(big.bodyUsed).toBe(false)
  })

  it('stops reading a streamed body once it passes maxBodyBytes', async () => {
    let pulled = 0
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++
        controller.enqueue(new Uint8Array(1024))
      },
    })
    const streamed = new Request('https://shop.example/webhooks/smartpay', {
      method: 'POST',
      body: endless,
      headers: vector.requestHeaders,
      duplex: 'half',
    } as RequestInit)
    await failure(
      verifyWebhookRequest(streamed, { signingSecret: vector.secret, maxBodyBytes: 10_000 }),
      'body-too-large',
    )
    // 10 chunks of 1 kB fit; the 11th passes the limit and reading stops there.
    expect(pulled).toBeLessThan(15)
  })

  it('applies the default tolerance', async () => {
    await failure(
      verifyWebhookRequest(request(vector.body, vector.requestHeaders), {
        signingSecret: vector.secret,
      }),
      'timestamp-outside-tolerance',
    )
  })

  it('refuses a tampered body with bad-signature', async () => {
    const body = vector.body.replace('3000', '30')
    await failure(
      verifyWebhookRequest(request(body, vector.requestHeaders), {
        signingSecret: vector.secret,
        toleranceMs: false,
      }),
      'bad-signature',
    )
  })

  it('throws a TypeError when the body was already read', async () => {
    const used = request(vector.body, vector.requestHeaders)
    await used.json()
    await expect(
      verifyWebhookRequest(used, { signingSecret: vector.secret, toleranceMs: false }),
    ).rejects.toThrow(/already read.*request\.clone\(\)/)
  })
})
