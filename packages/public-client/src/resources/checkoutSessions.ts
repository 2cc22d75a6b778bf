import { ApiPromise, type Mode, ValidationError } from '@smartpay-kit/core'
import type { OperationCaller, RequestOptions } from '../operations.js'
import type {
  CheckoutSession,
  ExpandedCheckoutSession,
  UnexpandedCheckoutSession,
} from './CheckoutSession.js'

/** The checkout-session calls a public key may make. */
export interface CheckoutSessions {
  /**
   * Reads a checkout session, e.g. on the success page to show how the purchase went.
   * With `expand: 'all'` its `order` is the order object (with `status`), typed so, not an id.
   * The id must be of the key's mode; a malformed id rejects before anything is sent.
   * @example
   * const { order } = await client.checkoutSessions.retrieve(sessionId, { expand: 'all' })
   * if (order?.status === 'succeeded') showThanks()
   */
  retrieve(
    id: string,
    params: { expand: 'all' },
    options?: RequestOptions,
  ): ApiPromise<ExpandedCheckoutSession>
  /** Reads a checkout session; without `expand`, its `order` and `token` are ids. */
  retrieve(
    id: string,
    params?: { expand?: 'no' | undefined },
    options?: RequestOptions,
  ): ApiPromise<UnexpandedCheckoutSession>
  /** Reads a checkout session, `expand` known only at run time: `order` is an id or the order. */
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
    // Generic in its answer, so that it is each of the interface's overloads.
    retrieve<T extends CheckoutSession>(
      id: string,
      params: RetrieveCheckoutSessionParams = {},
      options?: RequestOptions,
    ): ApiPromise<T> {
      const expand = params?.expand
      const badExpand = !(expand === undefined || expand === 'all' || expand === 'no')
      const problem = badExpand ? `expand must be 'all' or 'no'` : checkId(id, mode)
      if (problem === undefined) {
        const query = expand === undefined ? undefined : { expand }
        return call<T>('checkoutSessions.retrieve', { id }, options, query)
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
      return new ApiPromise<T>(Promise.reject(error))
    },
  })
}
