import {
  ApiPromise,
  type CallOptions,
  type Method,
  type Query,
  type Transport,
  ValidationError,
} from '@smartpay-kit/core'
import { looksLikeSecretKey } from '@smartpay-kit/core/internal'
import { REQUEST_FIELDS } from './migrationHints.js'

/** A call to an operation this client does not list: what `smartpay.request()` takes. */
export interface RawRequest {
  /** `GET`, `POST`, `PUT`, `PATCH` or `DELETE`. */
  method: Method
  /**
   * Below the base URL (`/v1`), starting with `/`, e.g. `/payouts`. Encode ids yourself
   * (`encodeURIComponent`); a query goes in `query`, not in the path.
   */
  path: string
  /** Query parameters; `undefined` entries are dropped. */
  query?: Query | undefined
  /** A JSON body; not on a GET. */
  body?: unknown
}

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
// Path characters RFC 3986 allows, `%` only as an escape; no `?`, `#`, `\` or spaces.
const PATH = /^(?:\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*)+$/

function refuse(field: string, text: string, where: string): never {
  throw new ValidationError(`Invalid request() ${field}${where}: ${text}. Nothing was sent.`, {
    field,
    issues: [{ message: text, path: [field] }],
  })
}

function check(spec: RawRequest): void {
  if (typeof spec !== 'object' || spec === null) {
    refuse(
      'spec',
      typeof spec === 'string'
        ? "expected one object, { method, path, query?, body? }, not a path and options as @smartpay/sdk-node's request(endpoint, { method, params, payload }) took"
        : 'expected { method, path }',
      '',
    )
  }
  for (const field in spec) {
    if (Object.hasOwn(REQUEST_FIELDS, field)) {
      refuse(field, `${REQUEST_FIELDS[field]}: request() takes { method, path, query?, body? }`, '')
    }
  }
  const { method, path } = spec
  if (!METHODS.includes(method)) {
    refuse('method', `expected one of ${METHODS.join(', ')}`, '')
  }
  if (typeof path !== 'string' || looksLikeSecretKey(path)) {
    refuse('path', 'expected a string (and never a key)', ` for ${method}`)
  }
  const where = ` for ${method} ${JSON.stringify(path.slice(0, 80))}`
  if (!PATH.test(path) || path.startsWith('//')) {
    refuse(
      'path',
      'expected a path below the base URL, like /payouts: one leading /, no //, no query or fragment (use query), ids encoded',
      where,
    )
  }
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) {
    refuse('path', 'expected no . or .. segments', where)
  }
  if (spec.body !== undefined && method === 'GET') refuse('body', 'a GET sends no body', where)
}

/**
 * The server client's `request()`: one call to an operation it does not list, through the
 * same transport as every method (key, HTTPS, retries, idempotency key on mutating methods,
 * typed errors). The path is checked, and the body and query are refused when they hold
 * something shaped like a secret key; nothing else is validated.
 */
export function rawRequest(transport: Transport) {
  return <T = unknown>(spec: RawRequest, options?: CallOptions): ApiPromise<T> => {
    try {
      check(spec)
      const { method, path, query, body } = spec
      return transport.request<T>({ method, path, query, body, options })
    } catch (error) {
      return new ApiPromise<T>(Promise.reject(error))
    }
  }
}
