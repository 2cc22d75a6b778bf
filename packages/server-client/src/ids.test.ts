import { ValidationError } from '@smartpay-kit/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ID_PREFIXES, idMode, idSchema, pathId } from './ids.js'

const FP = 'sk_test_…1taz'

describe('pathId', () => {
  it('accepts every kind with its prefix, in the key’s mode, and encodes it', () => {
    for (const [kind, prefix] of Object.entries(ID_PREFIXES)) {
      const id = `${prefix}_test_AbC123`
      expect(pathId(kind as keyof typeof ID_PREFIXES, id, 'test', FP)).toBe(id)
    }
  })

  it('allows dots in checkout session ids only, and encodes nothing else away', () => {
    expect(pathId('checkoutSession', 'checkout_test_a.b.c', 'test', FP)).toBe('checkout_test_a.b.c')
    expect(() => pathId('order', 'order_test_a.b', 'test', FP)).toThrow(ValidationError)
  })

  it.each([
    'order_test_',
    'order_test_a/b',
    'order_test_a b',
    'order_test_a%2F',
    'ORDER_test_a',
    'order_TEST_a',
    'order_staging_a',
    'orders_test_a',
    'xorder_test_a',
  ])('refuses %j as an order id', (id) => {
    expect(() => pathId('order', id, 'test', FP)).toThrow(ValidationError)
  })

  it('says which id it expected, in English', () => {
    expect(() => pathId('order', 'nonsense', 'test', FP)).toThrow(
      'Expected an order id: order_test_… or order_live_…; got "nonsense". Nothing was sent.',
    )
    expect(() => pathId('payment', 'nonsense', 'test', FP)).toThrow(/^Expected a payment id: /)
  })

  it('refuses the other mode, naming both modes and the key fingerprint only', () => {
    try {
      pathId('order', 'order_live_abc', 'test', FP)
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError)
      expect((error as ValidationError).field).toBe('id')
      expect((error as Error).message).toMatch(/live-mode id.*test-mode key \(sk_test_…1taz\)/)
    }
  })

  it('never echoes a key passed by mistake as an id', () => {
    try {
      pathId('order', 'sk_live_Ho1BrYTcg3gAX4vTKk1taz', 'test', FP)
      expect.unreachable()
    } catch (error) {
      expect((error as Error).message).not.toContain('Ho1BrYTcg3gAX4vTKk1taz')
    }
  })
})

describe('idSchema and idMode', () => {
  it('checks the prefix in bodies', () => {
    expect(v.is(idSchema('token'), 'paytok_live_x1')).toBe(true)
    expect(v.is(idSchema('token'), 'token_live_x1')).toBe(false)
    expect(v.is(idSchema('promotionCode'), 'promotion_code_test_x1')).toBe(false)
  })

  it('reads the mode', () => {
    expect(idMode('webhookendpoint_live_a')).toBe('live')
    expect(idMode('coupon_test_a')).toBe('test')
    expect(idMode('nothing')).toBeUndefined()
  })
})
