import { ValidationError } from '@smartpay-kit/core'
import fc from 'fast-check'
import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import {
  CheckoutSessionBodySchema,
  type CreateCheckoutSessionParams,
  CreateCheckoutSessionParamsSchema,
} from '../schemas/checkoutSession.js'
import { normalizeCheckoutSession } from './amount.js'

const address = { line1: '1-1', locality: 'Chiyoda-ku', postalCode: '100-0001', country: 'JP' }
const base = {
  customerInfo: {},
  successUrl: 'https://shop.example/ok',
  cancelUrl: 'https://shop.example/cancel',
  shippingInfo: { address },
}

type Params = Omit<CreateCheckoutSessionParams, keyof typeof base> &
  Partial<Pick<CreateCheckoutSessionParams, keyof typeof base>>

function normalize(params: Params) {
  return normalizeCheckoutSession(
    v.parse(CreateCheckoutSessionParamsSchema, { ...base, ...params }),
  )
}

function refusal(run: () => unknown): ValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError)
    return error as ValidationError
  }
  throw new Error('expected a ValidationError')
}

describe('normalizeCheckoutSession', () => {
  it('multiplies by quantity, and counts an item without quantity once', () => {
    const body = normalize({
      items: [
        { name: 'Tea', amount: 1200, currency: 'JPY', quantity: 3 },
        { name: 'Cup', amount: 800 },
      ],
    })
    expect(body.amount).toBe(3600 + 800)
    expect(body.currency).toBe('JPY')
  })

  it('subtracts discount items and adds tax items', () => {
    const body = normalize({
      items: [
        { name: 'Tea', amount: 1000, currency: 'JPY', quantity: 2 },
        { name: 'Spring sale', amount: 300, kind: 'discount' },
        { name: 'Consumption tax', amount: 170, kind: 'tax' },
      ],
    })
    expect(body.amount).toBe(2000 - 300 + 170)
  })

  it('adds the shipping fee and fills in its currency', () => {
    const body = normalize({
      items: [{ name: 'Tea', amount: 1000, currency: 'JPY' }],
      shippingInfo: { address, feeAmount: 500 },
    })
    expect(body.amount).toBe(1500)
    expect(body.shippingInfo).toEqual({ address, feeAmount: 500, feeCurrency: 'JPY' })
  })

  it('leaves shippingInfo alone when there is no fee', () => {
    const body = normalize({ items: [{ name: 'Tea', amount: 1000, currency: 'JPY' }] })
    expect(body.shippingInfo).toEqual({ address })
  })

  it('takes the currency from the first item that has one, and gives it to the others', () => {
    const body = normalize({
      items: [
        { name: 'Tea', amount: 1 },
        { name: 'Cup', amount: 2, currency: 'JPY' },
      ],
    })
    expect(body.currency).toBe('JPY')
    expect(body.items.map((item) => item.currency)).toEqual(['JPY', 'JPY'])
  })

  it('keeps an explicit amount, even one that differs from the items', () => {
    const body = normalize({ amount: 1, currency: 'JPY', items: [{ name: 'Tea', amount: 1000 }] })
    expect(body.amount).toBe(1)
  })

  it('keeps an explicit amount of 0', () => {
    const body = normalize({ amount: 0, currency: 'JPY', items: [{ name: 'Tea', amount: 1000 }] })
    expect(body.amount).toBe(0)
  })

  it('refuses a session without any currency', () => {
    const error = refusal(() => normalize({ items: [{ name: 'Tea', amount: 1000 }] }))
    expect(error.field).toBe('currency')
  })

  it('refuses an item in another currency than the session', () => {
    // Only JPY exists today, so the schema cannot express this; the rule is kept for the next one.
    const input = v.parse(CreateCheckoutSessionParamsSchema, {
      ...base,
      items: [{ name: 'Tea', amount: 1, currency: 'JPY' }],
    })
    const mixed = { ...input, items: [...input.items, { name: 'Cup', amount: 2, currency: 'USD' }] }
    const error = refusal(() => normalizeCheckoutSession(mixed as typeof input))
    expect(error.field).toBe('items.1.currency')
  })

  it('refuses a total below zero', () => {
    const error = refusal(() =>
      normalize({
        items: [
          { name: 'Tea', amount: 100, currency: 'JPY' },
          { name: 'Coupon', amount: 500, kind: 'discount' },
        ],
      }),
    )
    expect(error.field).toBe('amount')
  })

  it('does not change its input', () => {
    const input = v.parse(CreateCheckoutSessionParamsSchema, {
      ...base,
      items: [{ name: 'Tea', amount: 1 }],
      currency: 'JPY',
    })
    const copy = structuredClone(input)
    normalizeCheckoutSession(input)
    expect(input).toEqual(copy)
  })

  it('always yields a body the wire schema accepts, with the expected sum', () => {
    const item = fc.record({
      name: fc.constant('Item'),
      amount: fc.integer({ min: 0, max: 100_000 }),
      quantity: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
      kind: fc.constantFrom('product', 'tax', undefined),
    })
    fc.assert(
      fc.property(
        fc.array(item, { minLength: 1, maxLength: 50 }),
        fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
        (items, feeAmount) => {
          const clean = items.map(({ quantity, kind, ...rest }) => ({
            ...rest,
            ...(quantity === undefined ? {} : { quantity }),
            ...(kind === undefined ? {} : { kind }),
          }))
          const shippingInfo = feeAmount === undefined ? { address } : { address, feeAmount }
          const body = normalize({ currency: 'JPY', items: clean, shippingInfo })
          expect(v.safeParse(CheckoutSessionBodySchema, body).success).toBe(true)
          const expected = items.reduce(
            (sum, i) => sum + i.amount * (i.quantity ?? 1),
            feeAmount ?? 0,
          )
          expect(body.amount).toBe(expected)
        },
      ),
    )
  })
})
