import fc from 'fast-check'
import type { IdKind, Mode, ServerClient } from '../../src/index.js'

/** Each id kind as the API documents it (smartpay-api.md §3.2), and where it is retrieved. */
export const KINDS: Record<
  IdKind,
  { prefix: string; segment: string; retrieve: (client: ServerClient, id: string) => unknown }
> = {
  checkoutSession: {
    prefix: 'checkout',
    segment: 'checkout-sessions',
    retrieve: (c, id) => c.checkoutSessions.retrieve(id),
  },
  order: { prefix: 'order', segment: 'orders', retrieve: (c, id) => c.orders.retrieve(id) },
  payment: { prefix: 'payment', segment: 'payments', retrieve: (c, id) => c.payments.retrieve(id) },
  refund: { prefix: 'refund', segment: 'refunds', retrieve: (c, id) => c.refunds.retrieve(id) },
  coupon: { prefix: 'coupon', segment: 'coupons', retrieve: (c, id) => c.coupons.retrieve(id) },
  promotionCode: {
    prefix: 'promotioncode',
    segment: 'promotion-codes',
    retrieve: (c, id) => c.promotionCodes.retrieve(id),
  },
  webhookEndpoint: {
    prefix: 'webhookendpoint',
    segment: 'webhook-endpoints',
    retrieve: (c, id) => c.webhookEndpoints.retrieve(id),
  },
  token: { prefix: 'paytok', segment: 'tokens', retrieve: (c, id) => c.tokens.retrieve(id) },
}

export const kinds = Object.keys(KINDS) as IdKind[]
export const otherMode = (mode: Mode): Mode => (mode === 'test' ? 'live' : 'test')

const ALNUM = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz']

/**
 * The documented shape, written here independently of `src/ids.ts`: prefix, mode, then one or
 * more letters and digits (checkout session ids may also hold dots). Returns the id's mode.
 */
export function documentedMode(kind: IdKind, id: string): Mode | undefined {
  const body = kind === 'checkoutSession' ? '[0-9A-Za-z.]+' : '[0-9A-Za-z]+'
  const match = new RegExp(`^${KINDS[kind].prefix}_(test|live)_${body}$`).exec(id)
  return match?.[1] as Mode | undefined
}

/** A well-formed id of `kind` in `mode`. */
export const wellFormedId = (kind: IdKind, mode: Mode) =>
  fc
    .string({
      unit: fc.constantFrom(...ALNUM, ...(kind === 'checkoutSession' ? ['.'] : [])),
      minLength: 1,
      maxLength: 40,
    })
    .map((body) => `${KINDS[kind].prefix}_${mode}_${body}`)

const often = <T>(likely: fc.Arbitrary<T>, rarely: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: likely, weight: 4 }, { arbitrary: rarely, weight: 1 })

/**
 * Strings for ids of `kind`: mostly near misses (each part right or subtly wrong, so both
 * outcomes are common), plus arbitrary unicode and binary junk.
 */
export const idLike = (kind: IdKind) =>
  fc.oneof(
    { arbitrary: fc.string(), weight: 1 },
    { arbitrary: fc.string({ unit: 'binary' }), weight: 1 },
    {
      arbitrary: fc
        .tuple(
          often(
            fc.constant(KINDS[kind].prefix),
            fc.constantFrom(...kinds.map((k) => KINDS[k].prefix), 'ORDER', 'orders', 'sk', ''),
          ),
          often(
            fc.constantFrom('_test_', '_live_'),
            fc.constantFrom('_TEST_', '_staging_', '_test', 'test_', '__live_', ''),
          ),
          fc.string({
            unit: often(
              fc.constantFrom(...ALNUM, '.'),
              fc.constantFrom('/', '%', '_', '-', ' ', '\n', '\u0000', 'é', '😀'),
            ),
            maxLength: 12,
          }),
        )
        .map((parts) => parts.join('')),
      weight: 6,
    },
  )

/** A secret key as a caller might paste it by mistake. */
export const secretKey = fc
  .tuple(
    fc.constantFrom('sk_test_', 'sk_live_'),
    fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 1, maxLength: 48 }),
  )
  .map(([prefix, body]) => `${prefix}${body}`)
