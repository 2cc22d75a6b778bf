import { describe, expect, inject, it } from 'vitest'
import type { SeenRequest } from '../test/browser/globalSetup.js'
import {
  AbortError,
  createPublicClient,
  InvalidKeyError,
  type PublicClientOptions,
} from './index.js'

// Real Chromium: real fetch, real CORS, against the HTTPS stand-in on 127.0.0.1 (globalSetup).

const PUBLIC = 'pk_test_PCLEGPw9RrKIAlRcK504Bj'
const origin = inject('smartpayOrigin')

async function seen(path: string): Promise<SeenRequest[]> {
  const response = await fetch(`${origin}/__requests?path=${encodeURIComponent(path)}`)
  return (await response.json()) as SeenRequest[]
}

describe('createPublicClient in Chromium', () => {
  it('retrieves a session cross-origin: CORS preflight, then GET with the Bearer key', async () => {
    const id = `checkout_test_${crypto.randomUUID().replaceAll('-', '')}`
    const smartpay = createPublicClient({ publicKey: PUBLIC, baseUrl: `${origin}/v1` })
    const session = await smartpay.checkoutSessions.retrieve(id)
    expect(session).toMatchObject({ id, object: 'checkoutSession' })

    const [preflight, get, ...rest] = await seen(`/v1/checkout-sessions/${id}`)
    expect(rest).toEqual([])
    expect(preflight?.method).toBe('OPTIONS')
    expect(preflight?.headers['access-control-request-method']).toBe('GET')
    expect(String(preflight?.headers['access-control-request-headers']).split(',')).toContain(
      'authorization',
    )
    expect(preflight?.headers.authorization).toBeUndefined()
    expect(get?.method).toBe('GET')
    expect(get?.headers.authorization).toBe(`Bearer ${PUBLIC}`)
    expect(get?.headers.origin).toBe(location.origin)
  })

  it('retrieves and aborts where AbortSignal.any is missing (Safari before 17.4)', async () => {
    const any = AbortSignal.any
    // biome-ignore lint/suspicious/noExplicitAny: removing a static the types say is there
    ;(AbortSignal as any).any = undefined
    try {
      const smartpay = createPublicClient({ publicKey: PUBLIC, baseUrl: `${origin}/v1` })
      const id = `checkout_test_${crypto.randomUUID().replaceAll('-', '')}`
      const signal = new AbortController().signal
      expect(await smartpay.checkoutSessions.retrieve(id, {}, { signal })).toMatchObject({ id })
      const aborted = smartpay.checkoutSessions.retrieve(id, {}, { signal: AbortSignal.abort() })
      await expect(aborted).rejects.toBeInstanceOf(AbortError)
    } finally {
      AbortSignal.any = any
    }
  })

  it('refuses a secret key before any request, and does not print it', () => {
    const secret = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'
    let error: unknown
    try {
      createPublicClient({
        publicKey: secret,
        baseUrl: `${origin}/v1`,
      } as unknown as PublicClientOptions)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(InvalidKeyError)
    expect((error as InvalidKeyError).message).toContain(
      'https://dashboard.smartpay.co/settings/credentials',
    )
    expect((error as InvalidKeyError).message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
  })
})
