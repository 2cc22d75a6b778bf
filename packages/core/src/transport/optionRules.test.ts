import { describe, expect, it } from 'vitest'
import { ValidationError } from '../errors/errors.js'
import type { Transport } from './Connection.js'
import { createTransport } from './createTransport.js'
import type { RetryTuning, TransportOptions } from './options.js'
import { KEY, serverPerTest, transportOn } from './testing/transportOn.js'

const server = serverPerTest()
const client = (options: TransportOptions = {}): Transport => transportOn(server, options)

describe('option checks', () => {
  it('refuses bad call options', async () => {
    const bad = [
      { timeout: -5 },
      { maxRetries: 1.5 },
      { idempotencyKey: 'has space' },
      { idempotencyKey: 'a\nb' },
    ]
    for (const options of bad) {
      await expect(
        client().request({ method: 'POST', path: '/x', options }),
      ).rejects.toBeInstanceOf(ValidationError)
    }
    expect(server.requests).toHaveLength(0)
  })

  it('refuses bad client options and bad backoff tuning at construction', () => {
    const bad: TransportOptions[] = [
      { timeout: 0 },
      { maxRetries: 11 },
      { authScheme: 'digest' as never },
      { retry: { baseDelayMs: -1 } },
      { retry: { maxDelayMs: Number.POSITIVE_INFINITY } },
      { retry: { jitter: true } as never },
    ]
    for (const options of bad) {
      expect(() => createTransport(KEY, 'basic', options), JSON.stringify(options)).toThrow(
        ValidationError,
      )
    }
    expect(() => createTransport(KEY, 'basic', { retry: { jitter: true } as never })).toThrow(
      /"jitter".*one of baseDelayMs, maxDelayMs, maxRetryAfterMs/,
    )
  })

  it('keeps the default backoff for a tuning entry given as undefined', async () => {
    server.queue({ status: 503, json: {} })
    const api = createTransport(KEY, 'basic', {
      baseUrl: server.baseUrl,
      fetch: server.fetch,
      // As a JavaScript caller, or one without exactOptionalPropertyTypes, may pass it.
      retry: { baseDelayMs: undefined, maxDelayMs: 8_000 } as unknown as RetryTuning,
    })
    const started = Date.now()
    await api.request({ method: 'GET', path: '/x' })
    // Equal jitter on the 500 ms default: the first wait is at least 250 ms.
    expect(Date.now() - started).toBeGreaterThanOrEqual(240)
    expect(server.requests).toHaveLength(2)
  })
})
