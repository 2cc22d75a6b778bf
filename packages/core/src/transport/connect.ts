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
import type { ApiKey } from '../keys/keys.js'
import type { ApiResult } from './ApiPromise.js'
import { authorizationHeader } from './auth.js'
import type { CallOptions, ResolvedTransportOptions } from './options.js'

/** An HTTP method the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** Query values; `undefined` entries are dropped. */
export type Query = Record<string, string | number | boolean | undefined>

/** One call as it goes on the wire: parameters validated, options checked. */
export interface Wire {
  method: Method
  /** Path below the base URL, starting with `/`; ids in it must already be URI-encoded. */
  path: string
  query?: Query | undefined
  body?: unknown
  idempotencyKey?: string | undefined
  call: CallOptions
}

/** Sends one {@link Wire} call and resolves to its parsed body and metadata. */
export type Send = (wire: Wire) => Promise<ApiResult<unknown>>

/** Thrown by a body read that outlived the call's deadline. */
const DEADLINE = new Error('deadline')

/**
 * Rejections of `fetch` itself. The Fetch standard rejects with a `TypeError` on any network
 * failure, whatever the runtime's message; ky recognises failures by message only (and misses,
 * say, Safari's newer `Load failed (host)`), so core tells ky to retry these itself.
 */
const FAILED_FETCHES = new WeakMap<object, Request | undefined>()

/**
 * The connection every transport shares: one ky instance holding the key, and a `send` that
 * makes one call with retries, a deadline that also bounds the body, and typed errors.
 */
export function connect(key: ApiKey, resolved: ResolvedTransportOptions): Send {
  const { retry } = resolved
  // Everything constant lives on the instance: ky deep-merges per-call options on every call,
  // so each call passes only what differs (measured: it is most of the client's overhead).
  const api = ky.create({
    prefix: resolved.baseUrl,
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
      methods: ['get', 'post', 'put', 'patch', 'delete'],
      shouldRetry: ({ error }) => {
        const request =
          (error as { request?: Request }).request ?? FAILED_FETCHES.get(error as object)
        // A mutating call is retried only when it carries a key the API deduplicates on.
        if (request && request.method !== 'GET' && !request.headers.has('idempotency-key')) {
          return false
        }
        return FAILED_FETCHES.has(error) || undefined
      },
    },
  })

  return async ({ method, path, query, body, idempotencyKey, call }) => {
    const started = Date.now()
    const context: CallContext = { method, path, key, idempotencyKey }
    const { signal } = call
    let attempts = 0
    // When the attempt that got the answer started: its timeout covers its body too.
    let attemptStarted = 0
    // Only what differs from the instance: ky deep-merges these into its options on every call.
    const init: KyOptions = {
      method,
      // Each attempt is one fetch. (An afterResponse hook could count too, but ky clones
      // every response for its hooks, which measurably slows every call.)
      fetch: (input, init) => {
        attempts++
        attemptStarted = Date.now()
        return resolved.fetch(input, init).catch((error: unknown) => {
          if (!signal?.aborted && (error as Error)?.name === 'TypeError') {
            FAILED_FETCHES.set(error as object, input instanceof Request ? input : undefined)
          }
          throw error
        })
      },
    }
    if (query !== undefined) init.searchParams = query as Query
    if (body !== undefined) init.json = body
    if (idempotencyKey) init.headers = { 'idempotency-key': idempotencyKey }
    if (call.timeout) init.timeout = call.timeout
    if (call.totalTimeout) init.totalTimeout = call.totalTimeout
    if (call.maxRetries !== undefined) init.retry = { limit: call.maxRetries }
    // ky combines a signal it is given with AbortSignal.any, which browsers before Safari 17.4,
    // Chrome 116 and Firefox 124 lack. There, core stops waiting at the caller's abort itself;
    // the attempt in flight ends unseen, by its own timeout. ky gets no signal of core's.
    let abandon: Promise<never> | undefined
    let onAbort = () => {}
    if (signal && typeof AbortSignal.any === 'function') init.signal = signal
    else if (signal) {
      abandon = new Promise((_, reject) => {
        onAbort = () => reject(signal.reason)
        signal.addEventListener('abort', onAbort)
      })
    }
    try {
      signal?.throwIfAborted()
      const response = await race(api(path.slice(1), init), abandon)
      const { status, headers } = response
      const requestId = readRequestId(headers)
      // The body may stall after the headers: one attempt is headers and body within `timeout`,
      // and the call's deadline holds too.
      const deadline = Math.min(
        attemptStarted + (call.timeout ?? resolved.timeout),
        started + (call.totalTimeout ?? resolved.totalTimeout),
      )
      const left = deadline - Date.now()
      const text = await race(readText(response, left), abandon)
      let data: unknown
      try {
        data = text === '' ? undefined : JSON.parse(text)
      } catch {
        // No SyntaxError as the cause: its message quotes the body, unredacted.
        throw new UnexpectedResponseError(
          `${method} ${path} got HTTP ${status} with a body that is not JSON.`,
          { ...context, status, requestId, details: { body: redactedSnippet(text) } },
        )
      }
      return {
        data,
        meta: {
          status,
          method,
          path,
          idempotencyKey,
          idempotentReplayed: headers.get('idempotency-replayed') === 'true',
          requestId,
          attempts,
        },
      }
    } catch (error) {
      throw toSmartpayError(error, context, signal)
    } finally {
      // A long-lived signal must not keep a listener per call.
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** `promise`, or the first of it and `abandon`. */
function race<T>(promise: Promise<T>, abandon: Promise<never> | undefined): Promise<T> {
  return abandon ? Promise.race([promise, abandon]) : promise
}

/**
 * Reads a body as text, or throws {@link DEADLINE} after `ms`, cancelling the read (which
 * closes the connection) rather than leaving it to stall. The caller's signal, when ky has
 * it, errors the read by itself.
 */
async function readText(response: Response, ms: number): Promise<string> {
  const reader = response.body?.getReader()
  if (!reader) return ''
  let late = false
  const timer = setTimeout(() => {
    late = true
    reader.cancel().catch(() => {})
  }, ms)
  const decoder = new TextDecoder()
  let text = ''
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      text += decoder.decode(chunk.value, { stream: true })
    }
  } finally {
    clearTimeout(timer)
  }
  if (late) throw DEADLINE
  return text + decoder.decode()
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
  if (error === DEADLINE || isTimeoutError(error)) {
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
