import ky, { isNetworkError, isTimeoutError, type KyInstance, type Options as KyOptions } from 'ky'
import { AbortError, ConnectionError, TimeoutError } from '../errors/errors.js'
import { type CallContext, errorFromResponse, parseBody } from '../errors/fromResponse.js'
import { redactKeys } from '../errors/redact.js'
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

/**
 * Told as each attempt starts, with the previous attempt's error from the second on. Only the
 * full transport has one (hooks, tracing); the read-only transport's path carries none of it.
 */
export type OnAttempt = (wire: Wire, attempt: number, failed: SmartpayError | undefined) => void

/** Sends one {@link Wire} call and resolves to its parsed body and metadata. */
export type Send = (wire: Wire) => Promise<ApiResult<unknown>>

/** Statuses worth another attempt: rate limited, or the API (or a proxy) failing. */
const RETRY_STATUSES = [429, 500, 502, 503, 504]

/** How an attempt that is not the call's result ended: its typed error, and whether to retry. */
type Failed = [error: SmartpayError, retry: boolean]

/** What one attempt comes to. */
type Outcome = ApiResult<unknown> | Failed

/** Thrown by a body read, or a wait, that outlived the attempt's or the call's deadline. */
const DEADLINE = Symbol()

/**
 * The connection every transport shares: one ky instance holding the key, and a `send` that
 * makes one call: its attempts, the waits between them, the total deadline, and typed errors.
 * Each attempt is three steps, the headers and the body within `timeout`: {@link request},
 * {@link readBody}, and {@link result} (or, when one of the first two threw, the typed error).
 *
 * Core retries itself, with ky's `retry: 0`: ky's retries clone every `Request` and re-normalise
 * their options on every call (measured 20–39 µs a call, bench/request-overhead.mjs), and a
 * retry decision needs the body, which ky does not read within the attempt's time.
 */
export function connect(
  key: ApiKey,
  resolved: ResolvedTransportOptions,
  onAttempt?: OnAttempt | undefined,
): Send {
  // Everything constant lives on the instance: ky deep-merges per-call options on every call,
  // so each call passes only what differs.
  const api = ky.create({
    headers: {
      authorization: authorizationHeader(key, resolved.authScheme),
      accept: 'application/json',
      ...resolved.headers,
    },
    // A redirect would carry the key to wherever it points; treat it as an error instead.
    redirect: 'manual',
    retry: 0,
    // Every body, an error's too, is read by core within the attempt's deadline.
    throwHttpErrors: false,
    fetch: resolved.fetch,
  })

  return async (wire) => {
    const { method, path, query, body, idempotencyKey, call } = wire
    const { signal } = call
    // The call's options over the client's, once: ky's timeout and the body's deadline use them.
    const timeout = call.timeout ?? resolved.timeout
    const maxRetries = call.maxRetries ?? resolved.maxRetries
    const end = Date.now() + (call.totalTimeout ?? resolved.totalTimeout)
    // The whole URL rather than ky's `prefix`, which ky would join with regular expressions on
    // every call (the base URL has no trailing slash; the path starts with one).
    const url = resolved.baseUrl + path
    // Only what differs from the instance: ky deep-merges these into its options on every call.
    const init: KyOptions = { method }
    if (query !== undefined) init.searchParams = query as Query
    if (body !== undefined) init.json = body
    if (idempotencyKey) init.headers = { 'idempotency-key': idempotencyKey }
    // ky combines a signal it is given with AbortSignal.any, which browsers before Safari 17.4,
    // Chrome 116 and Firefox 124 lack; there the attempt in flight ends unseen, by its own
    // timeout. Either way core stops waiting (reading, backing off) at the caller's abort.
    let abandon: Promise<never> | undefined
    let onAbort = () => {}
    let timer: ReturnType<typeof setTimeout> | undefined
    if (signal) {
      if (typeof AbortSignal.any === 'function') init.signal = signal
      abandon = new Promise((_, reject) => {
        onAbort = () => reject(signal.reason)
        signal.addEventListener('abort', onAbort)
      })
    }
    const race = <T>(promise: Promise<T>) => (abandon ? Promise.race([promise, abandon]) : promise)
    const sleep = (ms: number) => race(new Promise((done) => (timer = setTimeout(done, ms))))

    let attempt = 0
    let failure: SmartpayError | undefined
    try {
      for (;;) {
        signal?.throwIfAborted()
        const started = Date.now()
        const deadline = Math.min(started + timeout, end)
        attempt++
        onAttempt?.(wire, attempt, failure)
        let outcome: Outcome
        try {
          const response = await race(request(api, url, init, deadline - started))
          const text = await race(readBody(response, deadline - Date.now()))
          outcome = result(response, text, wire, key, attempt)
        } catch (error) {
          // No answer, a timeout or an abort. The Fetch standard rejects with a TypeError on
          // any network failure, whatever the runtime's message; ky recognises failures by
          // message only (and misses, say, Safari's newer `Load failed (host)`). A body that
          // outlived the attempt is not retried: the API has answered.
          const transient =
            (error as Error)?.name === 'TypeError' || isNetworkError(error) || isTimeoutError(error)
          outcome = [toSmartpayError(error, wire, signal), transient]
        }
        if ('data' in outcome) return outcome
        const [error, retry] = outcome
        failure = error
        // A mutating call is retried only with a key the API deduplicates on.
        if (!retry || attempt > maxRetries || !(method === 'GET' || idempotencyKey)) throw error
        const wait = retryDelay(attempt, error.headers, resolved.retry)
        const left = end - Date.now()
        // A wait past the deadline ends the call at the deadline, not after the wait.
        await sleep(Math.min(wait, left))
        if (wait >= left) throw DEADLINE
      }
    } catch (error) {
      throw toSmartpayError(error, wire, signal)
    } finally {
      clearTimeout(timer)
      // A long-lived signal must not keep a listener per call.
      signal?.removeEventListener('abort', onAbort)
    }
  }
}

/** One attempt's request: the call's fetch through ky, its headers within `ms`. */
function request(api: KyInstance, url: string, init: KyOptions, ms: number): Promise<Response> {
  init.timeout = ms
  return api(url, init)
}

/**
 * One attempt's body read: the text, or {@link DEADLINE} after `ms`, cancelling the read (which
 * closes the connection) rather than leaving it to stall.
 */
async function readBody(response: Response, ms: number): Promise<string> {
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

/**
 * One answered attempt's result: the call's data and metadata when it is a success in JSON,
 * else the typed error, and whether its status is worth another attempt.
 */
function result(
  response: Response,
  text: string,
  wire: Wire,
  key: ApiKey,
  attempts: number,
): Outcome {
  const { status, headers } = response
  const requestId = headers.get('request-id') ?? headers.get('x-request-id') ?? undefined
  const parsed = parseBody(text)
  if (response.ok && parsed) {
    const { method, path, idempotencyKey } = wire
    return {
      data: parsed.json,
      // Written out, not spread: on Node 20, `{ ...wire, status }` alone costs about 1 µs, and
      // 5 µs with the other fields (fixed in Node 22).
      meta: {
        method,
        path,
        idempotencyKey,
        status,
        idempotentReplayed: headers.get('idempotency-replayed') === 'true',
        requestId,
        attempts,
        headers,
      },
    }
  }
  return [
    errorFromResponse(status, text, parsed, wire, key, requestId, headers),
    RETRY_STATUSES.includes(status),
  ]
}

/** Maps whatever ky or fetch threw to one of our classes. Never keeps ky's Request as a cause. */
function toSmartpayError(
  error: unknown,
  call: CallContext,
  signal: AbortSignal | undefined,
): SmartpayError {
  if (error instanceof SmartpayError) return error
  const { idempotencyKey } = call
  const where = `${call.method} ${call.path}`
  if (signal?.aborted) {
    return new AbortError(`${where} was aborted by its signal.`, { ...call, cause: signal.reason })
  }
  if (error === DEADLINE || isTimeoutError(error)) {
    const retry = idempotencyKey ? ` Retrying with idempotency key ${idempotencyKey} is safe.` : ''
    return new TimeoutError(`${where} timed out (per attempt or in total).${retry}`, call)
  }
  // A network error's cause is what fetch threw (ky's errors hold its Request: never kept).
  const cause = isNetworkError(error) ? error.cause : error instanceof Error ? error : undefined
  // fetch's own message is a bare "fetch failed"; the reason (refused, reset, TLS) is deeper.
  let reason = String(error)
  let text = ''
  for (let c = cause; c instanceof Error; c = c.cause) {
    reason = c.message
    text += Object.values(c) + reason
  }
  // What fetch threw can quote the server (undici's parse errors keep its bytes as `data`): a
  // cause that holds a key is dropped. The error's constructor redacts the reason in the message.
  return new ConnectionError(`${where} got no answer from the API: ${reason}.`, {
    ...call,
    cause: redactKeys(text) === text ? cause : undefined,
  })
}

/**
 * Milliseconds before the next attempt: the API's `Retry-After` (capped), else exponential
 * backoff with "equal jitter" (at least half the step, so retries never bunch up at zero).
 */
function retryDelay(
  attempt: number,
  headers: Headers | undefined,
  retry: ResolvedTransportOptions['retry'],
): number {
  const after = headers?.get('retry-after')
  if (after) {
    // Seconds, or an HTTP date ("0" falls through to a date in the past: no wait either).
    const ms = Number(after) * 1000 || Date.parse(after) - Date.now()
    if (Number.isFinite(ms)) return Math.min(retry.maxRetryAfterMs, Math.max(0, ms))
  }
  const step = retry.baseDelayMs * 2 ** (attempt - 1)
  return Math.min(retry.maxDelayMs, step / 2 + (Math.random() * step) / 2)
}
