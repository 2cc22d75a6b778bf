import type { SmartpayError } from '../errors/SmartpayError.js'
import type { ApiResult } from './ApiPromise.js'
import type { CallOptions, Method, Query } from './options.js'

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

/**
 * One attempt's request: sends the call and resolves to the response as soon as its headers
 * are in, within `ms`. It rejects with {@link TIMED_OUT} when `ms` ran out first, with a
 * `TypeError` when the network failed (as `fetch` does), or with whatever else went wrong.
 * The engine reads the body, retries and types the errors; an attempt only sends.
 */
export type Attempt = (wire: Wire, ms: number) => Promise<Response>

/** What an {@link Attempt} rejects with when the response's headers did not come within its time. */
export const TIMED_OUT: unique symbol = Symbol('timed out')

/**
 * Told as each attempt starts, with the previous attempt's error from the second on. Only the
 * full transport has one (hooks, tracing); the read-only transport's path carries none of it.
 */
export type OnAttempt = (wire: Wire, attempt: number, failed: SmartpayError | undefined) => void
