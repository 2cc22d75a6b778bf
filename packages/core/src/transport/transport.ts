import ky, { isHTTPError, isNetworkError, isTimeoutError, type Options as KyOptions } from 'ky'
import {
  AbortError,
  ConnectionError,
  TimeoutError,
  UnexpectedResponseError,
} from '../errors/errors.js'
import { type CallContext, errorFromResponse } from '../errors/fromResponse.js'
import { redactedSnippet } from '../errors/redact.js'
import { SmartpayError } from '../errors/SmartpayError.js'
import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyMode, type Mode } from '../keys/keys.js'
import { type Schema, validateParams, validateResponse } from '../schemas/validate.js'
import { ApiPromise, type ApiResult } from './ApiPromise.js'
import { type AuthScheme, authorizationHeader } from './auth.js'
import { createIdempotencyKey, MUTATING_METHODS } from './idempotency.js'
import {
  type CallOptions,
  checkCallOptions,
  resolveTransportOptions,
  type TransportOptions,
} from './options.js'

/** An HTTP method the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Query values; `undefined` entries are dropped. */
export type Query = Record<string, string | number | boolean | undefined>

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

/** What clients stand on: one way to call the API. Holds the key out of sight. */
export interface Transport {
  readonly mode: Mode
  readonly baseUrl: string
  /** `sk_test_…1taz`: which key this is, printable. */
  readonly keyFingerprint: string
  /** Sends one call: validates, authenticates, retries, and maps failures to typed errors. */
  request<T>(spec: RequestSpec): ApiPromise<T>
}

/** Creates the transport for a validated key. Clients call this once, at construction. */
export function createTransport(
  key: ApiKey,
  defaultScheme: AuthScheme,
  options: TransportOptions = {},
): Transport {
  const resolved = resolveTransportOptions(options, key, defaultScheme)
  const { retry } = resolved
  // Everything constant lives on the instance: ky deep-merges per-call options on every call,
  // so each call passes only what differs (measured: it is most of the client's overhead).
  const api = ky.create({
    prefix: resolved.baseUrl,
    fetch: resolved.fetch,
    headers: {
      authorization: authorizationHeader(key, resolved.authScheme),
      accept: 'application/json',
    },
    // A redirect would carry the key to wherever it points; treat it as an error instead.
    redirect: 'manual',
    timeout: resolved.timeout,
    totalTimeout: resolved.totalTimeout,
    retry: {
      limit: resolved.maxRetries,
      statusCodes: [429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: retry.maxRetryAfterMs,
      backoffLimit: retry.maxDelayMs,
      delay: (attempt) => retry.baseDelayMs * 2 ** (attempt - 1),
      // "Equal jitter": at least half the step, so retries never bunch up at zero.
      jitter: (delay) => delay / 2 + (Math.random() * delay) / 2,
      retryOnTimeout: true,
      methods: ['get', 'head', 'post', 'put', 'patch', 'delete'],
      // A mutating call is retried only when it carries a key the API deduplicates on.
      shouldRetry: ({ error }) => {
        const request = (error as { request?: Request }).request
        const unkeyed = request && MUTATING_METHODS.has(request.method)
        return unkeyed && !request.headers.has('idempotency-key') ? false : undefined
      },
    },
  })

  async function execute<T>(spec: RequestSpec): Promise<ApiResult<T>> {
    const where = { method: spec.method, path: spec.path }
    const call = spec.options ? checkCallOptions(spec.options, where) : {}
    const body = spec.bodySchema ? validateParams(spec.bodySchema, spec.body, where) : spec.body
    const query = spec.querySchema
      ? validateParams(spec.querySchema, spec.query ?? {}, where)
      : spec.query
    const idempotencyKey = MUTATING_METHODS.has(spec.method)
      ? (call.idempotencyKey ?? createIdempotencyKey())
      : undefined
    const context: CallContext = { ...where, key, idempotencyKey }
    let attempts = 0
    // Only what differs from the instance: ky deep-merges these into its options on every call.
    const init: KyOptions = {
      method: spec.method,
      // Each attempt is one fetch. (An afterResponse hook could count too, but ky clones
      // every response for its hooks, which measurably slows every call.)
      fetch: (input, init) => {
        attempts++
        return resolved.fetch(input, init)
      },
    }
    if (query !== undefined) init.searchParams = query as Query
    if (body !== undefined) init.json = body
    if (idempotencyKey) init.headers = { 'idempotency-key': idempotencyKey }
    if (call.signal) init.signal = call.signal
    if (call.timeout) init.timeout = call.timeout
    if (call.totalTimeout) init.totalTimeout = call.totalTimeout
    if (call.maxRetries !== undefined) init.retry = { limit: call.maxRetries }
    try {
      const pending = api(spec.path.slice(1), init)
      const response = await pending
      const text = await pending.text()
      const { status, headers } = response
      const requestId = readRequestId(headers)
      let data: unknown
      try {
        data = text === '' ? undefined : JSON.parse(text)
      } catch {
        // No SyntaxError as the cause: its message quotes the body, unredacted.
        throw new UnexpectedResponseError(
          `${where.method} ${where.path} got HTTP ${status} with a body that is not JSON.`,
          { ...context, status, requestId, details: { body: redactedSnippet(text) } },
        )
      }
      if (resolved.validateResponses && spec.responseSchema && data !== undefined) {
        data = validateResponse(spec.responseSchema, data, { ...where, status, requestId })
      }
      return {
        data: data as T,
        meta: {
          status,
          ...where,
          idempotencyKey,
          idempotentReplayed: headers.get('idempotency-replayed') === 'true',
          requestId,
          attempts,
        },
      }
    } catch (error) {
      throw toSmartpayError(error, context, call.signal)
    }
  }

  const transport: Transport = {
    mode: keyMode(key),
    baseUrl: resolved.baseUrl,
    keyFingerprint: fingerprint(key),
    request: <T>(spec: RequestSpec) => new ApiPromise(execute<T>(spec)),
  }
  return Object.freeze(transport)
}

function readRequestId(headers: Headers): string | undefined {
  return headers.get('request-id') ?? headers.get('x-request-id') ?? undefined
}

/** Maps whatever ky or fetch threw to one of our classes. Never keeps ky's Request as a cause. */
function toSmartpayError(
  error: unknown,
  call: CallContext,
  signal: AbortSignal | undefined,
): SmartpayError {
  if (error instanceof SmartpayError) return error
  const { method, path, idempotencyKey } = call
  const context = { method, path, idempotencyKey }
  const where = `${method} ${path}`
  if (signal?.aborted) {
    return new AbortError(`${where} was aborted by its signal.`, {
      ...context,
      cause: signal.reason,
    })
  }
  if (isHTTPError(error)) {
    const { response } = error
    const status = response.type === 'opaqueredirect' ? 0 : response.status
    return errorFromResponse(status, error.data, call, readRequestId(response.headers))
  }
  if (isTimeoutError(error)) {
    const retry = idempotencyKey ? ` Retrying with idempotency key ${idempotencyKey} is safe.` : ''
    return new TimeoutError(`${where} timed out (per attempt or in total).${retry}`, context)
  }
  // A network error's cause is what fetch threw; anything else is kept unless it holds ky's Request.
  const cause = isNetworkError(error)
    ? error.cause
    : error instanceof Error && !('request' in error)
      ? error
      : undefined
  // fetch's own message is a bare "fetch failed"; the reason (refused, reset, TLS) is deeper.
  let reason = String(error)
  for (let c = cause; c instanceof Error; c = c.cause) reason = c.message

  return new ConnectionError(`${where} got no answer from the API: ${reason}.`, {
    ...context,
    cause,
  })
}
