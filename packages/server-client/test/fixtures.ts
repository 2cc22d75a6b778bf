import type { CreateCheckoutSessionParams, CreateOrderParams } from '../src/index.js'

// Objects as the API returns them (shapes from smartpay-api.md §3.1), used as test replies.

export const ids = {
  checkout: 'checkout_test_oTQpCvZzZ52UvKbrN5i4B8',
  order: 'order_test_3nZ7cWm7BGFkAv9gVp1Xvp',
  payment: 'payment_test_8PKtiXnM9YpZBP7RdP4KeK',
  refund: 'refund_test_bDTTHnJ2zgBQ5FRm7WQJpP',
  coupon: 'coupon_test_Ab3Dw0M2J1z7EXUuf1SMah',
  promotionCode: 'promotioncode_test_V4Di6vqKbeKKJxvy7nrYzP',
  webhookEndpoint: 'webhookendpoint_test_T1vcC6ZJt3E5gQFyCSdfQm',
  token: 'paytok_test_FqQ2Gz4ev2g5CxhUjNCEKL',
} as const

const common = { test: true, createdAt: 1633950354307, updatedAt: 1633950354307, metadata: {} }

export const address = {
  line1: '1-1-1 Chiyoda',
  locality: 'Chiyoda-ku',
  administrativeArea: '東京都',
  postalCode: '100-0001',
  country: 'JP',
}

export const order = {
  ...common,
  id: ids.order,
  object: 'order',
  status: 'requires_capture',
  amount: 2400,
  currency: 'JPY',
  lineItems: ['li_test_1'],
  payments: [],
}

export const checkoutSession = {
  ...common,
  id: ids.checkout,
  object: 'checkoutSession',
  url: `https://checkout.smartpay.co/${ids.checkout}.abc.def`,
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
  order,
}

export const payment = {
  ...common,
  id: ids.payment,
  object: 'payment',
  amount: 2400,
  currency: 'JPY',
  order: ids.order,
  status: 'processed',
}

export const refund = {
  ...common,
  id: ids.refund,
  object: 'refund',
  amount: 1200,
  currency: 'JPY',
  payment: ids.payment,
  reason: 'requested_by_customer',
  status: 'succeeded',
}

export const webhookEndpoint = {
  ...common,
  id: ids.webhookEndpoint,
  object: 'webhookEndpoint',
  url: 'https://shop.example/webhooks',
  active: true,
  eventSubscriptions: ['order.authorized'],
  signingSecret: 'gybcsjixKyBW2d4z6iNPlaYzHUMtawnodwZt3W0q',
}

export const coupon = {
  ...common,
  id: ids.coupon,
  object: 'coupon',
  name: 'Spring',
  active: true,
  discountType: 'percentage',
  discountPercentage: 10,
}

export const promotionCode = {
  ...common,
  id: ids.promotionCode,
  object: 'promotionCode',
  code: 'SPRING10',
  coupon: ids.coupon,
  active: true,
}

export const token = { ...common, id: ids.token, object: 'token', status: 'active' }

/** A one-page collection of `items`. */
export function collection<T>(items: T[], nextPageToken?: string) {
  return {
    object: 'collection',
    pageToken: 'page_1',
    maxResults: 20,
    results: items.length,
    data: items,
    ...(nextPageToken ? { nextPageToken } : {}),
  }
}

/** A complete checkout-session body, amount and currencies given. */
export const checkoutParams = {
  amount: 2900,
  currency: 'JPY',
  items: [{ name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 }],
  shippingInfo: { address, feeAmount: 500, feeCurrency: 'JPY' },
  customerInfo: { emailAddress: 'hanako@example.com' },
  successUrl: 'https://shop.example/thanks',
  cancelUrl: 'https://shop.example/cart',
} satisfies CreateCheckoutSessionParams

/** A complete token-order body. */
export const orderParams = {
  token: ids.token,
  amount: 2400,
  currency: 'JPY',
  items: [{ name: 'Matcha', amount: 1200, currency: 'JPY', quantity: 2 }],
  customerInfo: { emailAddress: 'hanako@example.com' },
  shippingInfo: { address },
} satisfies CreateOrderParams
