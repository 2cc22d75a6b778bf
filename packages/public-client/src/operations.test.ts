import { ApiPromise } from '@smartpay-kit/core'
import type { ReadSpec, ReadTransport } from '@smartpay-kit/core/internal'
import { describe, expect, it } from 'vitest'
import { createOperationCaller, PUBLIC_OPERATIONS } from './operations.js'

describe('PUBLIC_OPERATIONS', () => {
  // A change to this list changes what a browser may do with the merchant's account: review it.
  it('is exactly the checkout page’s one read', () => {
    expect(PUBLIC_OPERATIONS).toEqual([
      {
        name: 'checkoutSessions.retrieve',
        method: 'GET',
        path: '/checkout-sessions/{id}',
        query: ['expand'],
      },
    ])
  })
})

describe('createOperationCaller', () => {
  /** A transport that records what it is asked to send, and sends nothing. */
  function recording(): { transport: ReadTransport; specs: ReadSpec[] } {
    const specs: ReadSpec[] = []
    const transport = {
      request: (spec: ReadSpec) => {
        specs.push(spec)
        return new ApiPromise(Promise.resolve({ data: undefined, meta: {} as never }))
      },
    } as Partial<ReadTransport> as ReadTransport
    return { transport, specs }
  }

  it('fills and encodes path parameters of a listed operation', async () => {
    const { transport, specs } = recording()
    const call = createOperationCaller(transport)
    await call('checkoutSessions.retrieve', { id: 'a b/c' })
    expect(specs).toEqual([
      { method: 'GET', path: '/checkout-sessions/a%20b%2Fc', query: undefined, options: undefined },
    ])
  })

  it('passes listed query parameters and refuses others', async () => {
    const { transport, specs } = recording()
    const call = createOperationCaller(transport)
    await call('checkoutSessions.retrieve', { id: 'x' }, undefined, { expand: 'all' })
    expect(specs[0]?.query).toEqual({ expand: 'all' })
    expect(() =>
      call('checkoutSessions.retrieve', { id: 'x' }, undefined, { maxResults: '5' }),
    ).toThrow('takes no query parameter "maxResults"')
  })

  it('refuses a name that is not in the list, and a missing parameter', () => {
    const call = createOperationCaller(recording().transport)
    // @ts-expect-error not a public operation
    expect(() => call('orders.retrieve', { id: 'x' })).toThrow('is not a public operation')
    expect(() => call('checkoutSessions.retrieve', {})).toThrow('needs the path parameter "id"')
  })
})
