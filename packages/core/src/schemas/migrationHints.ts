import type { StandardIssue } from './standard.js'

// The official SDK (@smartpay/sdk-node 0.9.1) took some things in the params that this SDK takes
// elsewhere, or spelt a value otherwise. Each gets its fix, so that a port from it is pointed the
// right way rather than to `extraBody` (which would put an idempotency key in the body).

type Step = { readonly key?: unknown; readonly value?: unknown }

type Moved = { fix: string; under?: string; value?: unknown }

/**
 * Unknown field → where it goes here. `under` limits a hint to the fields of one object, `value`
 * to one value of the field (only `createCheckoutSession` took a `mode`).
 */
const MOVED: Readonly<Record<string, Moved>> = {
  idempotencyKey: {
    fix: 'an idempotency key goes in the call options, the last argument, as in create(params, { idempotencyKey }): it is sent as the Idempotency-Key header, never in the body',
  },
  mode: {
    value: 'token',
    fix: "a token session has its own method: checkoutSessions.createForToken(params), which sends mode: 'token' itself",
  },
  shipping: {
    fix: 'the address goes in "shippingInfo": { address: { line1, locality, postalCode, country }, feeAmount? }',
  },
  customer: { fix: 'the shopper goes in "customerInfo"' },
  test: {
    fix: 'the key decides the mode (sk_test_… makes test objects, sk_live_… live ones): leave "test" out',
  },
  email: { under: 'customerInfo', fix: 'did you mean "emailAddress"?' },
  phone: { under: 'customerInfo', fix: 'did you mean "phoneNumber"?' },
  gender: { under: 'customerInfo', fix: 'did you mean "legalGender"?' },
  id: {
    fix: 'the id is the first argument, as in update(id, { … }), not a field of the params',
  },
}

/**
 * The fix for an unknown field the official SDK took, or `undefined` when the field is not one
 * of those.
 */
export function movedFieldHint(name: string, issue: StandardIssue): string | undefined {
  const moved = Object.hasOwn(MOVED, name) ? MOVED[name] : undefined
  if (!moved) return undefined
  const steps = (issue.path ?? []) as readonly Step[]
  if (moved.under !== undefined && steps.at(-2)?.key !== moved.under) return undefined
  if ('value' in moved && steps.at(-1)?.value !== moved.value) return undefined
  return moved.fix
}

/** The fix for a value the official SDK's constants spelt wrong (`'autommatic'`), if any. */
export function valueHint(issue: StandardIssue): string | undefined {
  const value = (issue.path?.at(-1) as Step | undefined)?.value
  return value === 'autommatic'
    ? "'autommatic' is the misspelt value of @smartpay/sdk-node's CAPTURE_METHOD_AUTOMATIC and CANCEL_REMAINDER_AUTOMATIC, which the API refuses; use 'automatic'"
    : undefined
}
