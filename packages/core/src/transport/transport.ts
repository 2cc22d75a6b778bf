import ky, { isHTTPError, isNetworkError, isTimeoutError } from 'ky'
import {
  AbortError,
  ConnectionError,
  TimeoutError,
  UnexpectedResponseError,
} from '../errors/errors.js'
import { type CallContext, errorFromResponse } from '../errors/fromResponse.js'
import { SmartpayError } from '../errors/SmartpayError.js'
import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyMode, type Mode } from '../keys/keys.js'
import { type Schema, validateParams, validateResponse } from '../schemas/validate.js'
import { ApiPromise, type ApiResult } from './ApiPromise.js'
import { type AuthScheme, authorizationHeader } from './auth.js'
import { resolveBaseUrl } from './baseUrl.js'
import { createIdempotencyKey, MUTATING_METHODS } from './idempotency.js'
import {
  type CallOptions,
  checkCallOptions,
  checkTransportOptions,
  DEFAULTS,
  type ResolvedTransportOptions,
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
  request<T>(spec: RequestSpec): ApiPromise<T>
}

/** Creates the transport for a validated key. Clients call this once, at construction. */
export function createTransport(
  key: ApiKey,
  defaultScheme: AuthScheme,
  options: TransportOptions = {},
): Transport {
  const input = checkTransportOptions(options)
  const resolved: ResolvedTransportOptions = {
    key,
    baseUrl: resolveBaseUrl(input.baseUrl, input.dangerouslyAllowInsecureLoopback),
    authScheme: input.authScheme ?? defaultScheme,
    timeout: input.timeout ?? DEFAULTS.timeout,
    totalTimeout: input.totalTimeout ?? DEFAULTS.totalTimeout,
    maxRetries: input.maxRetries ?? DEFAULTS.maxRetries,
    retry: {
      baseDelayMs: input.retry?.baseDelayMs ?? DEFAULTS.retry.baseDelayMs,
      maxDelayMs: input.retry?.maxDelayMs ?? DEFAULTS.retry.maxDelayMs,
      maxRetryAfterMs: input.retry?.maxRetryAfterMs ?? DEFAULTS.retry.maxRetryAfterMs,
    },
    fetch: input.fetch ?? globalThis.fetch.bind(globalThis),
    validateResponses: input.validateResponses ?? false,
  }
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
    try {
      const pending = api(spec.path.slice(1), {
        method: spec.method,
        ...(query === undefined ? {} : { searchParams: query as Query }),
        ...(body === undefined ? {} : { json: body }),
        ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
        ...(call.signal ? { signal: call.signal } : {}),
        ...(call.timeout ? { timeout: call.timeout } : {}),
        ...(call.totalTimeout ? { totalTimeout: call.totalTimeout } : {}),
        ...(call.maxRetries === undefined ? {} : { retry: { limit: call.maxRetries } }),
        // Each attempt is one fetch. (An afterResponse hook could count too, but ky clones
        // every response for its hooks, which measurably slows every call.)
        fetch: (input, init) => {
          attempts++
          return resolved.fetch(input, init)
        },
      })
      const response = await pending
      const text = await pending.text()
      const requestId = readRequestId(response.headers)
      let data: unknown
      if (text !== '') {
        try {
          data = JSON.parse(text)
        } catch (cause) {
          throw new UnexpectedResponseError(
            `The API answered ${where.method} ${where.path} with HTTP ${response.status} and a body that is not JSON.`,
            { ...context, status: response.status, requestId, cause },
          )
        }
      }
      if (resolved.validateResponses && spec.responseSchema && data !== undefined) {
        data = validateResponse(spec.responseSchema, data, {
          ...where,
          status: response.status,
          requestId,
        })
      }
      return {
        data: data as T,
        meta: {
          status: response.status,
          ...where,
          idempotencyKey,
          idempotentReplayed: response.headers.get('idempotency-replayed') === 'true',
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
  const where = `${call.method} ${call.path}`
  const context = { method: call.method, path: call.path, idempotencyKey: call.idempotencyKey }
  if (error instanceof SmartpayError) return error
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
    return new TimeoutError(
      `${where} timed out (per-attempt timeout or total deadline). ${call.idempotencyKey ? `Retrying with idempotency key ${call.idempotencyKey} is safe.` : ''}`.trim(),
      context,
    )
  }
  if (isNetworkError(error)) {
    return new ConnectionError(
      `Could not reach the API for ${where}: ${(error.cause as Error | undefined)?.message ?? 'network error'}.`,
      { ...context, cause: error.cause },
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new ConnectionError(`${where} failed before an answer came: ${message}.`, {
    ...context,
    cause: error instanceof Error && !('request' in error) ? error : undefined,
  })
}
