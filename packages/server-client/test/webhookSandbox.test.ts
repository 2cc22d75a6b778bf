import { describe, expect, it } from 'vitest'
import { createSandbox, DEFAULT_KEYS } from '../../sandbox/src/fetch.js'
import { createServerClient } from '../src/createServerClient.js'
import { parseSecretKey } from '../src/index.js'
import { createWebhookHandler } from '../src/webhooks/handler.js'

// The README's "Test your webhook handler": the in-process sandbox delivers its signed events,
// and its retries, to the handler, with no port and no certificate.
describe('createWebhookHandler with the in-process sandbox', () => {
  it('gets each triggered event, and the retry after its code threw', async () => {
    const seen: string[] = []
    let attempts = 0
    let handler = (_request: Request): Promise<Response> => Promise.reject(new Error('not set'))
    const sandbox = createSandbox({
      deliver: (request) => handler(request),
      webhookRetry: { baseMs: 1, maxAttempts: 3 },
    })
    const smartpay = createServerClient({
      secretKey: parseSecretKey(DEFAULT_KEYS.secret),
      baseUrl: sandbox.apiUrl,
      fetch: sandbox.fetch,
    })
    const endpoint = await smartpay.webhookEndpoints.create({
      url: 'https://shop.example/webhooks/smartpay',
    })
    handler = createWebhookHandler({
      signingSecret: endpoint.signingSecret as string,
      onError: () => {},
      on: {
        'order.authorized': async (event) => {
          if (++attempts === 1) throw new Error('database down')
          seen.push(`${event.type} ${event.eventData.data.id}`)
        },
      },
    })
    const event = sandbox.trigger('order.authorized')
    await sandbox.settled()
    const [delivery] = sandbox.deliveries()
    expect(delivery?.attempts.map((a) => a.status)).toEqual([500, 200])
    expect(seen).toEqual([`order.authorized ${(event.eventData.data as { id: string }).id}`])
  })
})
