/** Letters and digits in the order Smartpay's base62 uses (`A`–`Z`, `a`–`z`, `0`–`9`). */
export const BASE62_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Test or live: decided by the key, embedded in every id and object. */
export type Mode = 'test' | 'live'

/** The id prefixes the API uses, per object kind. */
export const ID_PREFIXES = {
  checkoutSession: 'checkout',
  order: 'order',
  lineItem: 'li',
  payment: 'payment',
  refund: 'refund',
  coupon: 'coupon',
  promotionCode: 'promotioncode',
  webhookEndpoint: 'webhookendpoint',
  token: 'paytok',
  discount: 'discount',
  event: 'evt',
  price: 'price',
  product: 'product',
  request: 'req',
  // Not modelled by the sandbox; only `trigger` makes these, for payout and merchant events.
  payout: 'payout',
  merchantUser: 'merchantuser',
} as const

/** A kind of id the sandbox hands out. */
export type IdKind = keyof typeof ID_PREFIXES

/** `length` random base62 characters from a CSPRNG (Web Crypto, so it runs anywhere). */
export function randomBase62(length: number): string {
  let out = ''
  const bytes = new Uint8Array(length * 2)
  while (out.length < length) {
    crypto.getRandomValues(bytes)
    // 248 = 4 × 62: bytes above it are dropped so every character is equally likely.
    for (const byte of bytes)
      if (byte < 248 && out.length < length) out += BASE62_ALPHABET[byte % 62]
  }
  return out
}

/** A fresh id such as `order_test_` + 22 random alphanumerics. */
export function newId(kind: IdKind, mode: Mode): string {
  return `${ID_PREFIXES[kind]}_${mode}_${randomBase62(22)}`
}

/** A request id (`req_…`), which has no mode. */
export function newRequestId(): string {
  return `req_${randomBase62(22)}`
}

/** A webhook signing secret: 40 base62 characters. */
export function newSigningSecret(): string {
  return randomBase62(40)
}

/** The mode embedded in an id such as `checkout_test_…`, if it has one. */
export function modeOfId(id: string): Mode | undefined {
  const match = /^[a-z]+_(test|live)_[0-9A-Za-z]+$/.exec(id)
  return match?.[1] as Mode | undefined
}
