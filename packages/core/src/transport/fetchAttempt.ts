import type { ApiKey } from '../keys/keys.js'
import { authorizationHeader } from './auth.js'
import type { ResolvedTransportOptions } from './options.js'
import { type Attempt, TIMED_OUT } from './wire.js'

/**
 * The read-only transport's {@link Attempt}: one GET through `fetch` itself, so a checkout page
 * ships no HTTP library (ky is about 7 kB gzip of a page). It does what the engine asks of ky
 * and no more: the key and `Accept` headers, the query (`undefined` entries dropped), no
 * redirect followed, the headers within `ms`, and the caller's abort. It sends no body: the
 * read-only transport makes GETs only.
 */
export function fetchAttempt(key: ApiKey, resolved: ResolvedTransportOptions): Attempt {
  const headers = {
    authorization: authorizationHeader(key, resolved.authScheme),
    accept: 'application/json',
  }
  const { baseUrl, fetch } = resolved

  return async ({ method, path, query, call: { signal } }, ms) => {
    const url = new URL(baseUrl + path)
    for (const name in query) {
      const value = query[name]
      if (value !== undefined) url.searchParams.append(name, String(value))
    }
    const timer = new AbortController()
    const timeout = setTimeout(() => timer.abort(), ms)
    try {
      return await fetch(url.href, {
        method,
        headers,
        // A redirect would carry the key to wherever it points; the engine makes it an error.
        redirect: 'manual',
        // Where AbortSignal.any is missing (Safari before 17.4, Chrome before 116) the request in
        // flight ends unseen, by its own timeout; the engine stops waiting at the abort anyway.
        signal: signal && AbortSignal.any ? AbortSignal.any([signal, timer.signal]) : timer.signal,
      })
    } catch (error) {
      throw timer.signal.aborted ? TIMED_OUT : error
    } finally {
      clearTimeout(timeout)
    }
  }
}
