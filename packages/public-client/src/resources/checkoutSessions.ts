import { ApiPromise, type Mode, ValidationError } from '@smartpay-kit/core'
import type { OperationCaller, RequestOptions } from '../operations.js'
import type { CheckoutSession } from './CheckoutSession.js'

/** The checkout-session calls a public key may make. */
export interface CheckoutSessions {
  /**
   * Reads a checkout session, e.g. on the success page to show how the purchase went.
   * With `expand: 'all'` its `order` is the order object (with `status`), not just an id.
   * The id must be of the key's mode; a malformed id rejects before anything is sent.
   * @example const session = await client.checkoutSessions.retrieve(sessionId, { expand: 'all' })
   */
  retrieve(
    id: string,
    params?: RetrieveCheckoutSessionParams,
    options?: RequestOptions,
  ): ApiPromise<CheckoutSession>
}

/** Parameters of {@link CheckoutSessions.retrieve}. */
export interface RetrieveCheckoutSessionParams {
  /** `all` expands `order` (or `token`) into the full object. @default 'no' */
  expand?: 'all' | 'no' | undefined
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
    retrieve(
      id: string,
      params: RetrieveCheckoutSessionParams = {},
      options?: RequestOptions,
    ): ApiPromise<CheckoutSession> {
      const expand = params?.expand
      const problem =
        expand === undefined || expand === 'all' || expand === 'no'
          ? checkId(id, mode)
          : `expand must be 'all' or 'no'.`
      if (problem === undefined) {
        const query = expand === undefined ? undefined : { expand }
        return call<CheckoutSession>('checkoutSessions.retrieve', { id }, options, query)
      }
      const error = new ValidationError(
        `Invalid parameters for checkoutSessions.retrieve: ${problem} Nothing was sent.`,
        { ...WHERE, field: problem.startsWith('expand') ? 'expand' : 'id', issues: [] },
      )
      return new ApiPromise<CheckoutSession>(Promise.reject(error))
    },
  })
}
