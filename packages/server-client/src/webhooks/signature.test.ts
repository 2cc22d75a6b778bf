import { runInNewContext } from 'node:vm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { isWebhookVerificationError, type WebhookVerificationError } from './errors.js'
import sdk from './sdk-vectors.json'
import { computeWebhookSignature, signedPayload } from './signature.js'
import shared from './webhook-vectors.json'

const [vector] = shared.vectors
const bytes = (text: string) => new TextEncoder().encode(text)

async function rejection(promise: Promise<unknown>): Promise<WebhookVerificationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  if (!isWebhookVerificationError(error))
    throw new Error(`expected a WebhookVerificationError, got ${error}`)
  return error
}

describe('computeWebhookSignature', () => {
  it('reproduces the PHP SDK vector, which signs a raw message without a timestamp', async () => {
    const { message, secret, signature } = sdk.rawMessage
    expect(await computeWebhookSignature(message, secret)).toBe(signature)
  })

  it('reproduces the Node and PHP SDK payment.created delivery', async () => {
    const { timestamp, body, secret, signature } = sdk.delivery
    expect(await computeWebhookSignature(`${timestamp}.${body}`, secret)).toBe(signature)
  })

  it('reproduces the shared order.authorized vector', async () => {
    const message = signedPayload(vector!.timestamp, vector!.body)
    expect(await computeWebhookSignature(message, vector!.secret)).toBe(vector!.signature)
  })

  it('gives the same signature for a string, its bytes and their ArrayBuffer', async () => {
    const { message, secret, signature } = sdk.rawMessage
    expect(await computeWebhookSignature(bytes(message), secret)).toBe(signature)
    expect(await computeWebhookSignature(bytes(message).buffer, secret)).toBe(signature)
    expect(await computeWebhookSignature(Buffer.from(message), secret)).toBe(signature)
  })

  it('accepts bytes made in another realm, where instanceof fails', async () => {
    const { message, secret, signature } = sdk.rawMessage
    const foreign = runInNewContext(`new Uint8Array(${JSON.stringify([...bytes(message)])})`)
    expect(foreign instanceof Uint8Array).toBe(false)
    expect(await computeWebhookSignature(foreign, secret)).toBe(signature)
    expect(await computeWebhookSignature(foreign.buffer, secret)).toBe(signature)
  })

  it.each([
    ['an empty secret', '', 'empty'],
    ['a secret with a trailing newline', 'MOCKSECRETKEY\n', 'whitespace'],
    ['a secret key', 'sk_test_KTGPODEMjGTJByn1pu8psb', 'API key'],
    ['a secret with a dash', 'MOCK-SECRET', 'character 5 of 11'],
  ])('refuses %s as malformed-secret', async (_, secret, hint) => {
    const error = await rejection(computeWebhookSignature('x', secret))
    expect(error.reason).toBe('malformed-secret')
    expect(error.message).toContain(hint)
    if (secret) expect(error.message).not.toContain(secret.trim())
  })

  it('refuses a missing secret as malformed-secret, naming the variable to set', async () => {
    const error = await rejection(computeWebhookSignature('x', undefined as unknown as string))
    expect(error.reason).toBe('malformed-secret')
    expect(error.message).toContain('it is undefined. Set SMARTPAY_WEBHOOK_SECRET')
  })

  it('refuses a secret that is not a string as malformed-secret', async () => {
    const error = await rejection(computeWebhookSignature('x', 42 as unknown as string))
    expect(error.reason).toBe('malformed-secret')
    expect(error.message).toContain('expected a string, got number')
  })
})

describe('signing key cache', () => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  it('imports the key of a secret once however many messages it signs', async () => {
    const importKey = vi.spyOn(crypto.subtle, 'importKey')
    const secret = 'CacheTestSecret1'
    const signatures = await Promise.all(
      ['a', 'b', 'c'].map((message) => computeWebhookSignature(message, secret)),
    )
    await computeWebhookSignature('d', secret)
    expect(new Set(signatures).size).toBe(3)
    expect(importKey).toHaveBeenCalledTimes(1)
  })

  it('still signs correctly after older secrets are evicted', async () => {
    for (let i = 0; i < 40; i++) await computeWebhookSignature('x', `EvictionSecret${i}`)
    const { message, secret, signature } = sdk.rawMessage
    expect(await computeWebhookSignature(message, secret)).toBe(signature)
  })
})
