import { describe, expect, it, vi } from 'vitest'
import { ConflictError, NotFoundError } from './errors.js'
import { isSmartpayError, SmartpayError } from './SmartpayError.js'

describe('isSmartpayError and instanceof', () => {
  it('work across two copies of core', async () => {
    vi.resetModules()
    const copy: typeof import('../index.js') = await import('../index.js')
    expect(copy.NotFoundError).not.toBe(NotFoundError)
    const foreign = new copy.NotFoundError('x', { status: 404 })
    expect(foreign).toBeInstanceOf(NotFoundError)
    expect(foreign).toBeInstanceOf(SmartpayError)
    expect(foreign).not.toBeInstanceOf(ConflictError)
    expect(isSmartpayError(foreign)).toBe(true)
    expect(isSmartpayError(new Error('plain'))).toBe(false)
    expect(new NotFoundError('x')).toBeInstanceOf(copy.SmartpayError)
  })
})
