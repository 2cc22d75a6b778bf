import { describe, expect, it } from 'vitest'
import { API_ROUTES } from './index.js'

describe('route table', () => {
  it('covers the 34 operations (token-mode session creation shares POST /checkout-sessions)', () => {
    expect(API_ROUTES).toHaveLength(33)
    expect(new Set(API_ROUTES.map((r) => r.operation)).size).toBe(33)
    expect(new Set(API_ROUTES.map((r) => `${r.method} ${r.path}`)).size).toBe(33)
  })
})
