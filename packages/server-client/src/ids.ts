import { type Mode, ValidationError } from '@smartpay-kit/core'
import { redactKeys } from '@smartpay-kit/core/internal'
import * as v from 'valibot'

/** The id prefix of each object kind (smartpay-api.md §3.2). */
export const ID_PREFIXES = {
  checkoutSession: 'checkout',
  order: 'order',
  payment: 'payment',
  refund: 'refund',
  coupon: 'coupon',
  promotionCode: 'promotioncode',
  webhookEndpoint: 'webhookendpoint',
  token: 'paytok',
} as const

/** An object kind whose ids this client checks. */
export type IdKind = keyof typeof ID_PREFIXES

const LABELS: Record<IdKind, string> = {
  checkoutSession: 'checkout session',
  order: 'order',
  payment: 'payment',
  refund: 'refund',
  coupon: 'coupon',
  promotionCode: 'promotion code',
  webhookEndpoint: 'webhook endpoint',
  token: 'payment token',
}

// Checkout session ids may contain dots: the official SDK's own tests use one (§3.2 caveat).
const PATTERNS = Object.fromEntries(
  Object.entries(ID_PREFIXES).map(([kind, prefix]) => [
    kind,
    new RegExp(`^${prefix}_(test|live)_[0-9A-Za-z${kind === 'checkoutSession' ? '.' : ''}]+$`),
  ]),
) as Record<IdKind, RegExp>

function expected(kind: IdKind): string {
  const prefix = ID_PREFIXES[kind]
  const label = LABELS[kind]
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label} id: ${prefix}_test_… or ${prefix}_live_…`
}

/** A schema for one kind of id, as it appears in request bodies. */
// @__NO_SIDE_EFFECTS__
export function idSchema(kind: IdKind) {
  return v.pipe(v.string(), v.regex(PATTERNS[kind], `Expected ${expected(kind)}`))
}

/** The mode an id belongs to, read from its `_test_` / `_live_` part. */
export function idMode(id: string): Mode | undefined {
  return /^[a-z]+_(test|live)_/.exec(id)?.[1] as Mode | undefined
}

/**
 * Whether `value` is an id of that kind, `order_test_…` or `order_live_…` for `'order'`: the
 * check every method makes before sending. Format only: it does not say the object exists, nor
 * that it is in your key's mode. It stands for `@smartpay/sdk-node`'s `isValidOrderId`,
 * `isValidPaymentId`, `isValidCheckoutSessionId` and their five unexported siblings; unlike
 * them it accepts the dotted checkout session ids the API hands out, and any value (a
 * non-string is simply not an id).
 * @example
 * if (!isValidId('order', req.params.id)) return res.status(404).end()
 */
export function isValidId(kind: IdKind, value: unknown): value is string {
  return typeof value === 'string' && PATTERNS[kind].test(value)
}

function show(id: unknown): string {
  if (Array.isArray(id)) return 'an array'
  if (id === null) return 'null'
  if (typeof id === 'object') return 'an object'
  if (typeof id !== 'string') return `a ${typeof id}`
  const text = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id)
  return redactKeys(text)
}

/**
 * The fix for `{ id }` where an id goes, the official SDK's shape: `getOrder({ id })`,
 * `updatePayment({ id, reference })`.
 */
function idInObject(given: unknown): string {
  if (typeof given !== 'object' || given === null || !('id' in given)) return ''
  const rest = Object.keys(given).filter((key) => key !== 'id')
  // Field names are the caller's text, which may be a pasted key.
  const names = redactKeys(rest.slice(0, 3).join(', ') + (rest.length > 3 ? ', …' : ''))
  const params = rest.length ? `, { ${names} }` : ''
  return ` Pass the id itself as the first argument${rest.length ? ' and the other fields as the second' : ''}: (params.id${params}), not { id${rest.length ? ', …' : ''} } as @smartpay/sdk-node took it.`
}

/**
 * Refuses an id of the other mode than the key: test and live objects never see each other, so
 * the call could only fail with a confusing 404. Ids of the wrong shape are left to the schema.
 */
export function assertSameMode(mode: Mode, id: unknown, field: string, keyFingerprint: string) {
  if (typeof id !== 'string') return
  const other = idMode(id)
  if (other === undefined || other === mode) return
  throw new ValidationError(
    `"${field}" is ${show(id)}, a ${other}-mode id, but this client uses a ${mode}-mode key (${keyFingerprint}). Test and live objects are separate: a ${mode} key sees only ${mode} objects. Use the ${other} key, or an id from ${mode} mode. Nothing was sent.`,
    { field, issues: [] },
  )
}

/**
 * Checks a path id (shape, then mode) and returns it URI-encoded for the path.
 * Throws {@link ValidationError} with `field: 'id'` before any request.
 */
export function pathId(kind: IdKind, id: unknown, mode: Mode, keyFingerprint: string): string {
  if (typeof id !== 'string' || !PATTERNS[kind].test(id)) {
    throw new ValidationError(
      `Expected ${expected(kind)}; got ${show(id)}.${idInObject(id)} Nothing was sent.`,
      { field: 'id', issues: [] },
    )
  }
  assertSameMode(mode, id, 'id', keyFingerprint)
  return encodeURIComponent(id)
}
