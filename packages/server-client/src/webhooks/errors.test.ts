import { describe, expect, it, vi } from 'vitest'
import { isWebhookSignatureError, WebhookSignatureError } from './errors.js'

describe('WebhookSignatureError', () => {
  it('carries its reason, name and message', () => {
    const error = new WebhookSignatureError('bad-signature', 'no match')
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('WebhookSignatureError')
    expect(error.reason).toBe('bad-signature')
    expect(error.message).toBe('no match')
    expect(String(error)).toBe('WebhookSignatureError: no match')
  })

  it('keeps a cause when given one', () => {
    const cause = new SyntaxError('Unexpected token')
    expect(new WebhookSignatureError('malformed-body', 'x', { cause }).cause).toBe(cause)
    expect('cause' in new WebhookSignatureError('malformed-body', 'x')).toBe(false)
  })
})

describe('isWebhookSignatureError', () => {
  it('recognises its own errors', () => {
    expect(isWebhookSignatureError(new WebhookSignatureError('missing-header', 'x'))).toBe(true)
  })

  it('recognises an error from another copy of the module, where instanceof fails', async () => {
    vi.resetModules()
    const copy = await import('./errors.js')
    const foreign = new copy.WebhookSignatureError('bad-signature', 'x')
    expect(copy.WebhookSignatureError).not.toBe(WebhookSignatureError)
    expect(foreign instanceof WebhookSignatureError).toBe(false)
    expect(isWebhookSignatureError(foreign)).toBe(true)
  })

  it('rejects other errors, even one that borrows the name', () => {
    const impostor = Object.assign(new Error('x'), { name: 'WebhookSignatureError' })
    expect(isWebhookSignatureError(impostor)).toBe(false)
    expect(isWebhookSignatureError(new TypeError('x'))).toBe(false)
    expect(isWebhookSignatureError({ name: 'WebhookSignatureError', reason: 'x' })).toBe(false)
    expect(isWebhookSignatureError(undefined)).toBe(false)
  })
})
