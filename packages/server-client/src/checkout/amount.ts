import { ValidationError } from '@smartpay-kit/core'
import type {
  CheckoutSessionBody,
  CreateCheckoutSessionParams,
} from '../schemas/checkoutSession.js'

function refuse(field: string, message: string): never {
  throw new ValidationError(
    `Invalid parameters for POST /checkout-sessions (field "${field}"): ${message}. Nothing was sent.`,
    { field, issues: [], method: 'POST', path: '/checkout-sessions' },
  )
}

/**
 * Fills in what a checkout session may leave out, as the official SDKs do (smartpay-api.md §7.4):
 *
 * - `currency`: the first item's currency that is given;
 * - each item's `currency`: the session's; an item in another currency is an error;
 * - `shippingInfo.feeCurrency`: the session's, when a `feeAmount` is given;
 * - `amount`: Σ item `amount` × `quantity` (default 1), `kind: 'discount'` items subtracted and
 *   `kind: 'tax'` items added, plus `shippingInfo.feeAmount`. An explicit `amount` is kept as is.
 *
 * Takes validated parameters and returns a new body; the input is not changed.
 * Throws {@link ValidationError} naming the field when this cannot be done.
 * @example normalizeCheckoutSession({ items: [{ name: 'Tea', amount: 500, currency: 'JPY' }], … }).amount // 500
 */
export function normalizeCheckoutSession(input: CreateCheckoutSessionParams): CheckoutSessionBody {
  const currency = input.currency ?? input.items.find((item) => item.currency)?.currency
  if (currency === undefined) {
    refuse('currency', 'no currency: give `currency`, or a `currency` on the first item')
  }
  const items = input.items.map((item, index) => {
    if (item.currency !== undefined && item.currency !== currency) {
      refuse(
        `items.${index}.currency`,
        `item ${index} is in ${item.currency} but the session is in ${currency}; one session has one currency`,
      )
    }
    return { ...item, currency }
  })
  const { shippingInfo } = input
  const feeCurrency = shippingInfo.feeCurrency ?? currency
  if (shippingInfo.feeAmount !== undefined && feeCurrency !== currency) {
    refuse(
      'shippingInfo.feeCurrency',
      `the shipping fee is in ${feeCurrency} but the session is in ${currency}`,
    )
  }
  const body: CheckoutSessionBody = {
    ...input,
    amount: input.amount ?? total(items, shippingInfo.feeAmount ?? 0),
    currency,
    items,
    shippingInfo:
      shippingInfo.feeAmount === undefined ? shippingInfo : { ...shippingInfo, feeCurrency },
  }
  return body
}

function total(items: CheckoutSessionBody['items'], fee: number): number {
  let sum = fee
  for (const item of items) {
    const line = item.amount * (item.quantity ?? 1)
    sum += item.kind === 'discount' ? -line : line
  }
  if (sum < 0) {
    refuse('amount', `the items and shipping add up to ${sum}; discounts exceed the total`)
  }
  if (!Number.isSafeInteger(sum)) refuse('amount', 'the items add up to more than can be sent')
  return sum
}
