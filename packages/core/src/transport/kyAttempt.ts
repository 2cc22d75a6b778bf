import ky, { isNetworkError, isTimeoutError, type Options as KyOptions } from 'ky'
import type { ApiKey } from '../keys/keys.js'
import { authorizationHeader } from './auth.js'
import type { ResolvedTransportOptions } from './options.js'
import { type Attempt, TIMED_OUT } from './wire.js'

/**
 * The full transport's {@link Attempt}: one request through a ky instance that holds the key
 * and every constant header. ky only sends: `retry: 0` (the engine retries, and a retry
 * decision needs the body, which ky does not read within the attempt's time) and
 * `throwHttpErrors: false` (every body, an error's too, is read by the engine).
 */
export function kyAttempt(key: ApiKey, resolved: ResolvedTransportOptions): Attempt {
  // Everything constant lives on the instance: ky deep-merges per-call options on every call,
  // so each call passes only what differs. Made at the first call: a client made per request
  // or per merchant and never used does not pay for ky's merge.
  const create = () =>
    ky.create({
      headers: {
        authorization: authorizationHeader(key, resolved.authScheme),
        accept: 'application/json',
        ...resolved.headers,
      },
      // A redirect would carry the key to wherever it points; treat it as an error instead.
      redirect: 'manual',
      retry: 0,
      throwHttpErrors: false,
      fetch: resolved.fetch,
    })
  let api: ReturnType<typeof create> | undefined
  const { baseUrl } = resolved

  return ({ method, path, query, body, idempotencyKey, call }, ms) => {
    // Only what differs from the instance, and no key left `undefined`: ky copies its options
    // once per key it merges.
    const init: KyOptions = { method, timeout: ms }
    if (query !== undefined) init.searchParams = query
    if (body !== undefined) init.json = body
    if (idempotencyKey) init.headers = { 'idempotency-key': idempotencyKey }
    // ky combines a signal it is given with AbortSignal.any, which browsers before Safari 17.4,
    // Chrome 116 and Firefox 124 lack; there the attempt in flight ends unseen, by its own
    // timeout. Either way the engine stops waiting (reading, backing off) at the caller's abort.
    if (call.signal && typeof AbortSignal.any === 'function') init.signal = call.signal
    // The whole URL rather than ky's `prefix`, which ky would join with regular expressions on
    // every call (the base URL has no trailing slash; the path starts with one).
    api ??= create()
    return api(baseUrl + path, init).catch(unwrap)
  }
}

/**
 * ky's errors as an {@link Attempt} reports them: its timeout as {@link TIMED_OUT}, its
 * network error as what `fetch` threw. Never ky's error itself, which holds its `Request`.
 */
function unwrap(error: unknown): never {
  if (isTimeoutError(error)) throw TIMED_OUT
  throw isNetworkError(error) ? error.cause : error
}
