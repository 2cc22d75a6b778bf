import { ApiPromise, type Mode, ValidationError } from '@smartpay-kit/core'
import type { OperationCaller, RequestOptions } from '../operations.js'
import type { CheckoutSession } from './CheckoutSession.js'

/** The checkout-session calls a public key may make. */
export interface CheckoutSessions {
  /**
   * Reads a checkout session, e.g. on the success page to show how the purchase went.
   * The id must be of the key's mode; a malformed id rejects before anything is sent.
   * @example const session = await client.checkoutSessions.retrieve(sessionId, { signal })
   */
  retrieve(id: string, options?: RequestOptions): ApiPromise<CheckoutSession>
}

const WHERE = { method: 'GET', path: '/checkout-sessions/{id}' } as const
const SESSION_ID = /^checkout_(test|live)_[0-9A-Za-z.]+$/

function describe(value: unknown): string {
  return typeof value === 'string' ? `a ${value.length}-character string` : `${typeof value}`
}

/** Why `id` cannot be a checkout session of `mode`, or undefined when it can. */
function checkId(id: unknown, mode: Mode): string | undefined {
  const match = typeof id === 'string' ? SESSION_ID.exec(id) : null
  if (!match) {
    return `Expected a checkout session id (checkout_${mode}_…), got ${describe(id)}.`
  }
  if (match[1] !== mode) {
    return `checkout_${match[1]}_… is a ${match[1]}-mode session, but this client has a ${mode}-mode key; test and live objects are separate.`
  }
  return undefined
}

/** Builds `client.checkoutSessions` on an operation caller of the given mode. */
export function checkoutSessions(call: OperationCaller, mode: Mode): CheckoutSessions {
  return Object.freeze({
    retrieve(id: string, options?: RequestOptions): ApiPromise<CheckoutSession> {
      const problem = checkId(id, mode)
      if (problem === undefined)
        return call<CheckoutSession>('checkoutSessions.retrieve', { id }, options)
      const error = new ValidationError(
        `Invalid parameters for checkoutSessions.retrieve (field "id"): ${problem} Nothing was sent.`,
        { ...WHERE, field: 'id', issues: [] },
      )
      return new ApiPromise<CheckoutSession>(Promise.reject(error))
    },
  })
}
