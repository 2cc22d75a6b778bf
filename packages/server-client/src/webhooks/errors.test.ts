import { describe, expect, it, vi } from 'vitest'
import {
  isWebhookSignatureError,
  isWebhookVerificationError,
  WebhookSignatureError,
  WebhookVerificationError,
} from './errors.js'

describe('WebhookVerificationError', () => {
  it('carries its reason, name and message', () => {
    const error = new WebhookVerificationError('bad-signature', 'no match')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('WebhookVerificationError')
    expect(error.reason).toBe('bad-signature')
    expect(error.message).toBe('no match')
    expect(String(error)).toBe('WebhookVerificationError: no match')
  })

  it('keeps a cause when given one', () => {
    const cause = new SyntaxError('Unexpected token')
    expect(new WebhookVerificationError('replayed', 'x', { cause }).cause).toBe(cause)
    expect('cause' in new WebhookVerificationError('replayed', 'x')).toBe(false)
  })

  it('is still reachable by its deprecated 0.1 names', () => {
    expect(WebhookSignatureError).toBe(WebhookVerificationError)
    expect(isWebhookSignatureError).toBe(isWebhookVerificationError)
    expect(new WebhookSignatureError('bad-signature', 'x')).toBeInstanceOf(WebhookVerificationError)
  })
})

describe('isWebhookVerificationError', () => {
  it('recognises its own errors', () => {
    expect(isWebhookVerificationError(new WebhookVerificationError('missing-header', 'x'))).toBe(
      true,
    )
  })

  it('recognises an error from another copy of the module, where instanceof fails', async () => {
    vi.resetModules()
    const copy = await import('./errors.js')
    const foreign = new copy.WebhookVerificationError('bad-signature', 'x')
    expect(copy.WebhookVerificationError).not.toBe(WebhookVerificationError)
    expect(foreign instanceof WebhookVerificationError).toBe(false)
    expect(isWebhookVerificationError(foreign)).toBe(true)
  })

  it('recognises an error thrown by a 0.1 copy, named WebhookSignatureError', () => {
    const old = new WebhookVerificationError('bad-signature', 'x')
    Object.setPrototypeOf(old, Error.prototype)
    old.name = 'WebhookSignatureError'
    expect(old instanceof WebhookVerificationError).toBe(false)
    expect(isWebhookVerificationError(old)).toBe(true)
  })

  it('rejects other errors, even one that borrows the name', () => {
    for (const name of ['WebhookVerificationError', 'WebhookSignatureError']) {
      const impostor = Object.assign(new Error('x'), { name })
      expect(isWebhookVerificationError(impostor)).toBe(false)
      expect(isWebhookVerificationError({ name, reason: 'bad-signature' })).toBe(false)
    }
    expect(isWebhookVerificationError(new TypeError('x'))).toBe(false)
    expect(isWebhookVerificationError(undefined)).toBe(false)
  })
})
