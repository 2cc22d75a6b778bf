import { describe, expect, it } from 'vitest'
import { authorizationHeader } from './auth.js'

describe('authorizationHeader', () => {
  it('sends Basic as RFC 7617 with the key as user name and an empty password', () => {
    const header = authorizationHeader('sk_test_abc123', 'basic')
    expect(header).toBe(`Basic ${Buffer.from('sk_test_abc123:').toString('base64')}`)
    expect(atob(header.slice(6))).toBe('sk_test_abc123:')
  })

  it('sends Bearer with the raw key', () => {
    expect(authorizationHeader('pk_test_abc123', 'bearer')).toBe('Bearer pk_test_abc123')
  })
})
