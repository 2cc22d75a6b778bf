import { describe, expectTypeOf, it } from 'vitest'
import type { ApiPromise } from './ApiPromise.js'
import { createReadTransport } from './createReadTransport.js'
import { createTransport } from './createTransport.js'

describe('transport types', () => {
  it('let the read transport send GETs only, with read options only', () => {
    const reader = createReadTransport('pk_test_abc', 'bearer')
    expectTypeOf(reader.request<{ id: string }>({ method: 'GET', path: '/x' })).toEqualTypeOf<
      ApiPromise<{ id: string }>
    >()
    // @ts-expect-error a read transport sends no POST
    reader.request({ method: 'POST', path: '/x' })
    // @ts-expect-error nor a body
    reader.request({ method: 'GET', path: '/x', body: {} })
    // @ts-expect-error nor an idempotency key
    reader.request({ method: 'GET', path: '/x', options: { idempotencyKey: 'k' } })
    // @ts-expect-error and takes no write options
    createReadTransport('pk_test_abc', 'bearer', { validateResponses: true })
  })

  it('let the full transport send every method with schemas and idempotency keys', () => {
    const transport = createTransport('sk_test_abc', 'basic', { validateResponses: true })
    expectTypeOf(transport.request).parameter(0).toHaveProperty('bodySchema')
    transport.request({ method: 'POST', path: '/x', body: {}, options: { idempotencyKey: 'k' } })
  })
})
