import { type Mode, redactKeys, ValidationError } from '@smartpay-kit/core'
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

function show(id: unknown): string {
  if (typeof id !== 'string') return `a ${id === null ? 'null' : typeof id}`
  const text = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id)
  return redactKeys(text)
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
    throw new ValidationError(`Expected ${expected(kind)}; got ${show(id)}. Nothing was sent.`, {
      field: 'id',
      issues: [],
    })
  }
  assertSameMode(mode, id, 'id', keyFingerprint)
  return encodeURIComponent(id)
}
