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

const SESSION_ID = /^checkout_(test|live)_[0-9A-Za-z.]+$/

/** Why `id` cannot be a checkout session of `mode`, or undefined when it can. */
function checkId(id: unknown, mode: Mode): string | undefined {
  const idMode = typeof id === 'string' ? SESSION_ID.exec(id)?.[1] : undefined
  if (!idMode) {
    const got = typeof id === 'string' ? `a ${id.length}-character string` : typeof id
    return `expected a checkout session id (checkout_${mode}_…), got ${got}`
  }
  if (idMode !== mode) {
    return `a ${idMode}-mode session, but a ${mode}-mode key (test and live are separate)`
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
      const badExpand = !(expand === undefined || expand === 'all' || expand === 'no')
      const problem = badExpand ? `expand must be 'all' or 'no'` : checkId(id, mode)
      if (problem === undefined) {
        const query = expand === undefined ? undefined : { expand }
        return call<CheckoutSession>('checkoutSessions.retrieve', { id }, options, query)
      }
      const error = new ValidationError(
        `Invalid parameters for checkoutSessions.retrieve: ${problem}. Nothing was sent.`,
        {
          method: 'GET',
          path: '/checkout-sessions/{id}',
          field: badExpand ? 'expand' : 'id',
          issues: [],
        },
      )
      return new ApiPromise<CheckoutSession>(Promise.reject(error))
    },
  })
}
