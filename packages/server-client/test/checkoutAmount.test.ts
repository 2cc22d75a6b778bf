import { describe, expect, it } from 'vitest'
import * as f from './fixtures.js'
import { clientFor, only, useServer } from './support.js'

const ctx = useServer()

describe('checkoutSessions.create computes what is left out', () => {
  it('sends amount, currency, item currencies and the fee currency, computed', async () => {
    const { server } = ctx
    await clientFor(server).checkoutSessions.create({
      items: [
        { name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 },
        { name: 'Whisk', amount: 3000 },
        { name: 'Coupon', amount: 400, kind: 'discount' },
        { name: 'Tax', amount: 100, kind: 'tax' },
      ],
      shippingInfo: { address: f.address, feeAmount: 600 },
      customerInfo: {},
      successUrl: 'https://shop.example/thanks',
      cancelUrl: 'https://shop.example/cart',
    })
    expect(only(server).json).toEqual({
      amount: 2400 + 3000 - 400 + 100 + 600,
      currency: 'JPY',
      items: [
        { name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 },
        { name: 'Whisk', amount: 3000, currency: 'JPY' },
        { name: 'Coupon', amount: 400, currency: 'JPY', kind: 'discount' },
        { name: 'Tax', amount: 100, currency: 'JPY', kind: 'tax' },
      ],
      shippingInfo: { address: f.address, feeAmount: 600, feeCurrency: 'JPY' },
      customerInfo: {},
      successUrl: 'https://shop.example/thanks',
      cancelUrl: 'https://shop.example/cart',
    })
  })

  it('keeps an explicit amount as given', async () => {
    const { server } = ctx
    await clientFor(server).checkoutSessions.create({ ...f.checkoutParams, amount: 9999 })
    expect(only(server).json).toMatchObject({ amount: 9999 })
  })
})
