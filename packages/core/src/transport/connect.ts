import { AbortError, ConnectionError, TimeoutError } from '../errors/errors.js'
import {
  type CallContext,
  errorFromResponse,
  parseBody,
  requestIdOf,
} from '../errors/fromResponse.js'
import type { Redaction } from '../errors/redact.js'
import { COMPACT, redactHeaders } from '../errors/redactValue.js'
import { SmartpayError } from '../errors/SmartpayError.js'
import type { ApiKey } from '../keys/keys.js'
import { type ApiResult, RAW_HEADERS, type ResponseMeta } from './ApiPromise.js'
import type { ResolvedTransportOptions } from './options.js'
import { RETRY_STATUSES, retryDelay } from './retry.js'
import { type Attempt, type OnAttempt, type Send, TIMED_OUT, type Wire } from './wire.js'

/** How an attempt that is not the call's result ended: its typed error, and whether to retry. */
type Failed = [error: SmartpayError, retry: boolean]

/** What one attempt comes to. */
type Outcome = ApiResult<unknown> | Failed

/** Thrown by a body read, or a wait, that outlived the attempt's or the call's deadline. */
const DEADLINE = Symbol('deadline')

/**
 * The engine every transport shares: `send` makes one call of one or more attempts, the waits
 * between them, the total deadline, and the typed errors. Each attempt is three steps, the
 * headers and the body within `timeout`: the transport's `attempt` (which only sends),
 * {@link readBody}, and {@link result} (or, when one of the first two threw,
 * {@link toSmartpayError}).
 */
export function connect(
  key: ApiKey,
  resolved: ResolvedTransportOptions,
  attempt: Attempt,
  onAttempt?: OnAttempt | undefined,
): Send {
  const redaction = resolved.redaction ?? COMPACT
  return async (wire) => {
    const { method, idempotencyKey, call } = wire
    const { signal } = call
    // The call's options over the client's, once.
    const timeout = call.timeout ?? resolved.timeout
    const maxRetries = call.maxRetries ?? resolved.maxRetries
    const end = Date.now() + (call.totalTimeout ?? resolved.totalTimeout)
    // Every wait (headers, body, backoff) ends at the caller's abort, whatever the attempt does
    // with the signal.
    let abandon: Promise<never> | undefined
    let onAbort = () => {}
    let timer: ReturnType<typeof setTimeout> | undefined
    if (signal) {
      abandon = new Promise((_, reject) => {
        onAbort = () => reject(signal.reason)
        signal.addEventListener('abort', onAbort)
      })
    }
    const race = <T>(promise: Promise<T>) => (abandon ? Promise.race([promise, abandon]) : promise)
    const sleep = (ms: number) => race(new Promise((done) => (timer = setTimeout(done, ms))))

    let attempts = 0
    let failure: SmartpayError | undefined
    try {
      for (;;) {
        signal?.throwIfAborted()
        const started = Date.now()
        const deadline = Math.min(started + timeout, end)
        attempts++
        onAttempt?.(wire, attempts, failure)
        let outcome: Outcome
        try {
          const response = await race(attempt(wire, deadline - started))
          const text = await race(readBody(response, deadline - Date.now()))
          outcome = result(response, text, wire, key, attempts, resolved)
        } catch (error) {
          // No answer, a timeout or an abort. The Fetch standard rejects with a TypeError on
          // any network failure, whatever the runtime's message (Safari's `Load failed (host)`
          // included). A body that outlived the attempt is not retried: the API has answered.
          const transient = error === TIMED_OUT || (error as Error)?.name === 'TypeError'
          outcome = [toSmartpayError(error, wire, signal, redaction), transient]
        }
        if ('data' in outcome) return outcome
        const [error, retry] = outcome
        failure = error
        // A mutating call is retried only with a key the API deduplicates on.
        if (!retry || attempts > maxRetries || !(method === 'GET' || idempotencyKey)) throw error
        const wait = retryDelay(attempts, error.headers, resolved.retry)
        const left = end - Date.now()
        // A wait past the deadline ends the call at the deadline, not after the wait.
        await sleep(Math.min(wait, left))
        if (wait >= left) throw DEADLINE
      }
    } catch (error) {
      throw toSmartpayError(error, wire, signal, redaction)
    } finally {
      clearTimeout(timer)
      // A long-lived signal must not keep a listener per call.
      signal?.removeEventListener('abort', onAbort)
    }
  }
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
  { redaction = COMPACT, hint }: ResolvedTransportOptions,
): Outcome {
  const { status, headers } = response
  const parsed = parseBody(text)
  if (response.ok && parsed) {
    const { method, path, idempotencyKey } = wire
    // The headers (the request id among them) are redacted on first read, once: most calls
    // never read them, and redacting every answer's headers would cost each call microseconds.
    let safe: Headers | undefined
    const meta: ResponseMeta = {
      method,
      path,
      idempotencyKey,
      status,
      idempotentReplayed: headers.get('idempotency-replayed') === 'true',
      get requestId() {
        return requestIdOf(this.headers)
      },
      attempts,
      get headers() {
        safe ??= redactHeaders(headers, redaction.text)
        return safe
      },
    }
    RAW_HEADERS.set(meta, headers)
    return { data: parsed.json, meta }
  }
  return [
    errorFromResponse(status, text, parsed, wire, key, headers, redaction, hint),
    RETRY_STATUSES.includes(status),
  ]
}

/**
 * Maps whatever an attempt, a body read or a wait threw to one of our classes. Never keeps a
 * `Request` as a cause (ky's errors hold one; {@link Attempt}s pass what fetch threw instead).
 */
function toSmartpayError(
  error: unknown,
  call: CallContext,
  signal: AbortSignal | undefined,
  redaction: Redaction,
): SmartpayError {
  // Ours already, but an attempt's own (a certificate's ConnectionError) quotes what fetch
  // threw: redacted too. The engine's own come back as they are, having nothing left.
  if (error instanceof SmartpayError) return redaction.value(error)
  const { idempotencyKey } = call
  const where = `${call.method} ${call.path}`
  if (signal?.aborted) {
    return new AbortError(`${where} was aborted by its signal.`, { ...call, cause: signal.reason })
  }
  if (error === DEADLINE || error === TIMED_OUT) {
    const retry = idempotencyKey ? ` Retrying with idempotency key ${idempotencyKey} is safe.` : ''
    return new TimeoutError(`${where} timed out (per attempt or in total).${retry}`, call)
  }
  const cause = error instanceof Error ? error : undefined
  // fetch's own message is a bare "fetch failed"; the reason (refused, reset, TLS) is deeper.
  let reason = String(error)
  for (let c: unknown = cause; c instanceof Error; c = c.cause) reason = c.message
  // What fetch threw can quote the server (undici's parse errors keep its bytes as `data`):
  // the reason and the whole cause chain are redacted, a key shown as its fingerprint.
  return new ConnectionError(`${where} got no answer from the API: ${redaction.text(reason)}.`, {
    ...call,
    cause: redaction.value(cause),
  })
}
