import type { RetryTuning } from './options.js'

/** Statuses worth another attempt: rate limited, or the API (or a proxy) failing. */
export const RETRY_STATUSES: readonly number[] = [429, 500, 502, 503, 504]

/**
 * Milliseconds before the next attempt: the API's `Retry-After` (capped), else exponential
 * backoff with "equal jitter" (at least half the step, so retries never bunch up at zero).
 */
export function retryDelay(
  attempt: number,
  headers: Headers | undefined,
  retry: Required<RetryTuning>,
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
