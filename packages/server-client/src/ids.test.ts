import { ValidationError } from '@smartpay-kit/core'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { ID_PREFIXES, idMode, idSchema, isValidId, pathId } from './ids.js'

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

  it('names the fix for { id }, the official SDK’s shape, instead of "got an object"', () => {
    expect(() => pathId('order', { id: 'order_test_abc' }, 'test', FP)).toThrow(
      'Expected an order id: order_test_… or order_live_…; got an object. Pass the id itself as the first argument: (params.id), not { id } as @smartpay/sdk-node took it. Nothing was sent.',
    )
    expect(() => pathId('payment', { id: 'payment_test_a', reference: 'R1' }, 'test', FP)).toThrow(
      /got an object\. Pass the id itself as the first argument and the other fields as the second: \(params\.id, \{ reference \}\), not \{ id, … \}/,
    )
  })

  it('says what it got when that is not an id at all', () => {
    expect(() => pathId('order', {}, 'test', FP)).toThrow(/; got an object\. Nothing was sent\.$/)
    expect(() => pathId('order', ['order_test_a'], 'test', FP)).toThrow(/; got an array\./)
    expect(() => pathId('order', null, 'test', FP)).toThrow(/; got null\./)
    expect(() => pathId('order', 42, 'test', FP)).toThrow(/; got a number\./)
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

describe('isValidId', () => {
  it('accepts an id of each kind, in either mode, and nothing of another kind', () => {
    for (const [kind, prefix] of Object.entries(ID_PREFIXES)) {
      expect(isValidId(kind as keyof typeof ID_PREFIXES, `${prefix}_live_AbC123`)).toBe(true)
      expect(isValidId(kind as keyof typeof ID_PREFIXES, `${prefix}_test_AbC123`)).toBe(true)
      expect(isValidId(kind as keyof typeof ID_PREFIXES, `x${prefix}_test_AbC123`)).toBe(false)
    }
    expect(isValidId('order', 'payment_test_AbC123')).toBe(false)
  })

  it('agrees with the official isValidOrderId, and accepts the dotted session ids it refused', () => {
    expect(isValidId('order', 'order_test_')).toBe(false)
    expect(isValidId('order', 'order_test_a.b')).toBe(false)
    expect(isValidId('checkoutSession', 'checkout_test_hm3tau0XY7r3ULm06pHtr8.1nsIwu')).toBe(true)
  })

  it('takes any value, and a non-string is not an id', () => {
    for (const value of [undefined, null, 42, { id: 'order_test_a' }, ['order_test_a']]) {
      expect(isValidId('order', value)).toBe(false)
    }
  })
})
