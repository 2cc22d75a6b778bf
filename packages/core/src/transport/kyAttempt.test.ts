import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { failure } from '../../../../tests/support/failure.js'
import { AbortError, TimeoutError } from '../errors/errors.js'
import type { Transport } from './Connection.js'
import type { TransportOptions } from './options.js'
import { serverPerTest, transportOn } from './testing/transportOn.js'

const server = serverPerTest()
const client = (options: TransportOptions = {}): Transport => transportOn(server, options)

describe('where AbortSignal.any is missing (Safari before 17.4, Chrome before 116)', () => {
  const any = AbortSignal.any
  beforeEach(() => {
    // biome-ignore lint/suspicious/noExplicitAny: removing a static the types say is there
    ;(AbortSignal as any).any = undefined
  })
  afterEach(() => {
    AbortSignal.any = any
  })

  it('makes calls with and without a signal', async () => {
    server.queue({ json: { id: 'order_test_1' } }, { json: { id: 'order_test_2' } })
    const api = client()
    expect(await api.request({ method: 'GET', path: '/orders/1' })).toEqual({ id: 'order_test_1' })
    const signal = new AbortController().signal
    const second = api.request({ method: 'GET', path: '/orders/2', options: { signal } })
    expect(await second).toEqual({ id: 'order_test_2' })
  })

  it('gives AbortError when the caller aborts, waiting or reading, and sends nothing when aborted', async () => {
    server.handle(() => ({ delayMs: 2_000, json: {} }))
    const controller = new AbortController()
    const waiting = client().request({
      method: 'GET',
      path: '/slow',
      options: { signal: controller.signal },
    })
    setTimeout(() => controller.abort(), 50)
    // An abort not honoured would resolve with the answer, 2 s later.
    expect(await failure(waiting)).toBeInstanceOf(AbortError)

    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    const reader = new AbortController()
    const reading = client().request({
      method: 'GET',
      path: '/stall',
      options: { signal: reader.signal },
    })
    setTimeout(() => reader.abort(), 100)
    expect(await failure(reading)).toBeInstanceOf(AbortError)

    server.reset()
    const options = { signal: AbortSignal.abort() }
    const error = await failure(client().request({ method: 'GET', path: '/x', options }))
    expect(error).toBeInstanceOf(AbortError)
    expect(server.requests).toHaveLength(0)
  })

  it('holds the deadline while the body stalls', async () => {
    server.handle(() => ({ json: { padding: 'x'.repeat(64) }, stallBody: true }))
    const error = await failure(
      client({ totalTimeout: 300 }).request({ method: 'GET', path: '/orders' }),
    )
    expect(error).toBeInstanceOf(TimeoutError)
  })

  it('leaves no listener behind on a long-lived signal', async () => {
    const { signal } = new AbortController()
    let listeners = 0
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++
      add(...args)
    }
    signal.removeEventListener = (...args: Parameters<typeof remove>) => {
      listeners--
      remove(...args)
    }
    server.queue({ status: 404, json: { statusCode: 404 } })
    await failure(client().request({ method: 'GET', path: '/x', options: { signal } }))
    for (let i = 0; i < 3; i++)
      await client().request({ method: 'GET', path: '/x', options: { signal } })
    expect(listeners).toBe(0)
  })
})
