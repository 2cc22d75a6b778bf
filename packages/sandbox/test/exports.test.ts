import { describe, expect, it } from 'vitest'
import * as sandbox from '../src/index.js'

describe('@smartpay-kit/sandbox exports', () => {
  it('are exactly these runtime names', () => {
    expect(Object.keys(sandbox).sort()).toEqual([
      'DEFAULT_KEYS',
      'EVENT_TYPES',
      'KEY_PATTERN',
      'PUBLIC_OPERATIONS',
      'base62Decode',
      'runCli',
      'signWebhook',
      'signWebhookMessage',
      'startSandbox',
    ])
  })

  it('keep the public-key allowlist to retrieving a checkout session', () => {
    expect([...sandbox.PUBLIC_OPERATIONS]).toEqual(['checkoutSessions.retrieve'])
  })

  it('document default keys that match the key syntax', () => {
    for (const key of Object.values(sandbox.DEFAULT_KEYS)) expect(key).toMatch(sandbox.KEY_PATTERN)
  })
})
