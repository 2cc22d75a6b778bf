import { afterEach, describe, expect, it, vi } from 'vitest'
import sdk from './sdk-vectors.json'
import { signWebhook } from './sign.js'
import { computeWebhookSignature } from './signature.js'
import { verifyWebhook } from './verify.js'
import shared from './webhook-vectors.json'

const vector = shared.vectors[0]!

describe('signWebhook', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('produces exactly the headers of the shared vector', async () => {
    const signed = await signWebhook({
      body: vector.body,
      signingSecret: vector.secret,
      timestamp: vector.timestamp,
      subscriptionId: vector.requestHeaders['Smartpay-Subscription-Id'],
    })
    expect(signed).toEqual({
      signature: vector.signature,
      timestamp: vector.timestamp,
      headers: vector.requestHeaders,
    })
  })

  it('reproduces the official SDK delivery from a numeric timestamp', async () => {
    const { body, secret, timestamp, signature } = sdk.delivery
    const signed = await signWebhook({ body, signingSecret: secret, timestamp: Number(timestamp) })
    expect(signed.signature).toBe(signature)
    expect(signed.timestamp).toBe(timestamp)
  })

  it('signs at the current time by default', async () => {
    vi.useFakeTimers({ now: 1_750_000_000_123, toFake: ['Date'] })
    const signed = await signWebhook({ body: '{}', signingSecret: vector.secret })
    expect(signed.timestamp).toBe('1750000000123')
    expect(signed.signature).toBe(await computeWebhookSignature('1750000000123.{}', vector.secret))
  })

  it('adds Smartpay-Event-Id only when given an event id', async () => {
    const base = { body: vector.body, signingSecret: vector.secret, timestamp: 1 }
    expect(Object.keys((await signWebhook(base)).headers)).toEqual([
      'Smartpay-Signature',
      'Smartpay-Signature-Timestamp',
    ])
    const signed = await signWebhook({ ...base, eventId: 'evt_test_1' })
    expect(signed.headers['Smartpay-Event-Id']).toBe('evt_test_1')
  })

  it('signs a delivery that verifyWebhook accepts as it is', async () => {
    const signed = await signWebhook({ body: vector.body, signingSecret: vector.secret })
    const event = await verifyWebhook({
      body: vector.body,
      headers: new Headers(signed.headers),
      signingSecret: vector.secret,
    })
    expect(event.type).toBe('order.authorized')
  })
})
