import { describe, expect, it } from 'vitest'
import * as inProcess from './fetch.js'
import * as sandbox from './index.js'

describe('@smartpay-kit/sandbox exports', () => {
  it('are exactly these runtime names', () => {
    expect(Object.keys(sandbox).sort()).toEqual([
      'DEFAULT_KEYS',
      'EVENT_TYPES',
      'KEY_PATTERN',
      'PUBLIC_OPERATION_NAMES',
      'base62Decode',
      'runCli',
      'signWebhookMessage',
      'startSandbox',
      'webhookSignature',
    ])
  })
})

describe('@smartpay-kit/sandbox/fetch exports', () => {
  it('are exactly these runtime names', () => {
    expect(Object.keys(inProcess).sort()).toEqual(['DEFAULT_KEYS', 'EVENT_TYPES', 'createSandbox'])
  })

  it('keep the public-key allowlist to retrieving a checkout session', () => {
    expect([...sandbox.PUBLIC_OPERATION_NAMES]).toEqual(['checkoutSessions.retrieve'])
  })

  it('document default keys that match the key syntax', () => {
    for (const key of Object.values(sandbox.DEFAULT_KEYS)) expect(key).toMatch(sandbox.KEY_PATTERN)
  })
})
