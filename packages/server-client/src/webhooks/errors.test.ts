import { describe, expect, it, vi } from 'vitest'
import { isWebhookVerificationError, WebhookVerificationError } from './errors.js'

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

  it('rejects a branded error renamed to something else', () => {
    const renamed = new WebhookVerificationError('bad-signature', 'x')
    Object.setPrototypeOf(renamed, Error.prototype)
    renamed.name = 'WebhookSignatureError'
    expect(isWebhookVerificationError(renamed)).toBe(false)
  })

  it('rejects other errors, even one that borrows the name', () => {
    const name = 'WebhookVerificationError'
    const impostor = Object.assign(new Error('x'), { name })
    expect(isWebhookVerificationError(impostor)).toBe(false)
    expect(isWebhookVerificationError({ name, reason: 'bad-signature' })).toBe(false)
    expect(isWebhookVerificationError(new TypeError('x'))).toBe(false)
    expect(isWebhookVerificationError(undefined)).toBe(false)
  })
})
