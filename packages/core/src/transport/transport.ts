import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyMode, type Mode, type PublicKey, parseKey } from '../keys/keys.js'
import { isShopperBrowser } from '../runtime/shopperBrowser.js'
import { type Schema, validateParams, validateResponse } from '../schemas/validate.js'
import { ApiPromise, type ApiResult } from './ApiPromise.js'
import type { AuthScheme } from './auth.js'
import { connect, type Method, type Query } from './connect.js'
import { withExtras } from './extra.js'
import { createIdempotencyKey, MUTATING_METHODS } from './idempotency.js'
import { observe } from './observe.js'
import {
  type CallOptions,
  checkCallOptions,
  READ_CALL_RULES,
  READ_TRANSPORT_RULES,
  type ReadCallOptions,
  type ReadTransportOptions,
  type Rules,
  resolveRetryTuning,
  resolveTransportOptions,
  type TransportOptions,
  WRITE_CALL_RULES,
  WRITE_TRANSPORT_RULES,
} from './options.js'
import { userAgent } from './userAgent.js'

export type { Method, Query } from './connect.js'

/** One API call, as a resource method describes it. */
export interface RequestSpec {
  method: Method
  /** Path below the base URL, starting with `/`; ids in it must already be URI-encoded. */
  path: string
  query?: Query | undefined
  body?: unknown
  /** Validates (and may transform) `body` before anything is sent. */
  bodySchema?: Schema | undefined
  /** Validates `query` before anything is sent. */
  querySchema?: Schema | undefined
  /** Checks the response when `validateResponses` is on. */
  responseSchema?: Schema | undefined
  options?: CallOptions | undefined
}

/** One read, as the public client describes it: a GET with a query and no body. */
export interface ReadSpec {
  method: 'GET'
  /** Path below the base URL, starting with `/`; ids in it must already be URI-encoded. */
  path: string
  query?: Query | undefined
  options?: ReadCallOptions | undefined
}

/** What a client holds: one way to call the API, and which key it uses. Holds the key out of sight. */
export interface Connection<S> {
  readonly mode: Mode
  readonly baseUrl: string
  /** `sk_test_…1taz`: which key this is, printable. */
  readonly keyFingerprint: string
  /** Sends one call: validates, authenticates, retries, and maps failures to typed errors. */
  request<T>(spec: S): ApiPromise<T>
}

/** The full transport, for the server client: every method, schemas, idempotency keys. */
export type Transport = Connection<RequestSpec>

/** The read-only transport, for the public client: GETs only, and the read options only. */
export type ReadTransport = Connection<ReadSpec>

function connection<S>(
  key: ApiKey,
  baseUrl: string,
  request: Connection<S>['request'],
): Connection<S> {
  return Object.freeze({ mode: keyMode(key), baseUrl, keyFingerprint: fingerprint(key), request })
}

/**
 * Creates the full transport for a validated key: it validates parameters and responses
 * against their schemas and gives every mutating call an idempotency key. Clients call this
 * once, at construction. In a shopper's browser (a page or any worker) it takes a public key
 * only: a secret key there is exposed, and it throws `InvalidKeyError` before anything is sent.
 * `keyOption` names the option a client took the key from (`secretKey`), so that an unknown
 * option's error lists it among the valid ones.
 */
export function createTransport(
  key: ApiKey,
  defaultScheme: AuthScheme,
  options: TransportOptions = {},
  keyOption?: string,
): Transport {
  if (isShopperBrowser()) parseKey(key, 'public', 'createTransport, in a browser,')
  const rules: Rules[] = [READ_TRANSPORT_RULES, WRITE_TRANSPORT_RULES]
  // The client took its key option out before calling; it is listed, never accepted here.
  if (keyOption) rules.push({ [keyOption]: [() => false, 'the key, given apart'] })
  const resolved = resolveTransportOptions(options, defaultScheme, rules, resolveRetryTuning)
  // Off the shared path: hooks, tracing and the User-Agent are the full transport's alone. A
  // page's fetch may not set User-Agent, and a header of our own would cost a CORS preflight.
  if (!isShopperBrowser()) resolved.headers = { 'user-agent': userAgent(options.appInfo) }
  const { onAttempt, wrap } = observe(options.hooks, options.logBodies)
  const send = wrap(connect(key, resolved, onAttempt))

  async function execute<T>(spec: RequestSpec): Promise<ApiResult<T>> {
    // Objects below are written out, never `{ ...where, more }`: on Node 20 such a spread costs
    // about 1 µs a field, on every call (fixed in Node 22).
    const { method, path } = spec
    const where = { method, path }
    const call = spec.options
      ? checkCallOptions(spec.options, [READ_CALL_RULES, WRITE_CALL_RULES], where)
      : {}
    const checked = {
      body: spec.bodySchema ? validateParams(spec.bodySchema, spec.body, where) : spec.body,
      query: spec.querySchema
        ? (validateParams(spec.querySchema, spec.query ?? {}, {
            method,
            path,
            in: 'query',
          }) as Query)
        : spec.query,
    }
    const unchecked = { body: !spec.bodySchema, query: !spec.querySchema }
    const { body, query } = withExtras(where, checked.body, checked.query, call, unchecked)
    const idempotencyKey = MUTATING_METHODS.has(method)
      ? (call.idempotencyKey ?? createIdempotencyKey())
      : undefined
    const result = await send({ method, path, query, body, idempotencyKey, call })
    const { data, meta } = result
    if (resolved.validateResponses && spec.responseSchema && data !== undefined) {
      const { status, requestId } = meta
      result.data = validateResponse(spec.responseSchema, data, { method, path, status, requestId })
    }
    return result as ApiResult<T>
  }

  return connection<RequestSpec>(key, resolved.baseUrl, (spec) => new ApiPromise(execute(spec)))
}

/**
 * Creates the read-only transport for a validated key: GETs with a query, no body, no
 * schemas and no idempotency keys, so a checkout page ships none of that code. It refuses
 * the full transport's extra options (`authScheme`, `retry`, `validateResponses`,
 * `idempotencyKey`). It is client code and takes a public key only, in every runtime: a
 * secret key gets `InvalidKeyError` before anything is sent.
 */
export function createReadTransport(
  key: PublicKey,
  defaultScheme: AuthScheme,
  options: ReadTransportOptions = {},
): ReadTransport {
  parseKey(key, 'public', 'createReadTransport')
  const resolved = resolveTransportOptions(options, defaultScheme, [READ_TRANSPORT_RULES])
  const send = connect(key, resolved)

  async function execute<T>({ method, path, query, options }: ReadSpec): Promise<ApiResult<T>> {
    const call = options ? checkCallOptions(options, [READ_CALL_RULES], { method, path }) : {}
    return send({ method, path, query, call }) as Promise<ApiResult<T>>
  }

  return connection<ReadSpec>(key, resolved.baseUrl, (spec) => new ApiPromise(execute(spec)))
}
