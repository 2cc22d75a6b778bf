// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { createServerClient } from '../src/index.js'

describe('under happy-dom (server-side tests with a DOM)', () => {
  it('has window and a HappyDOM user agent', () => {
    expect(typeof window).toBe('object')
    expect(navigator.userAgent).toContain('HappyDOM')
  })

  it('constructs fine: it is not a real browser', () => {
    expect(createServerClient({ secretKey: 'sk_test_Ho1BrYTcg3gAX4vTKk1taz' }).mode).toBe('test')
  })
})
