import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyMode, type Mode } from '../keys/keys.js'
import type { Schema } from '../schemas/validate.js'
import type { ApiPromise } from './ApiPromise.js'
import type { CallOptions, Method, Query, ReadCallOptions } from './options.js'

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

/** A frozen {@link Connection}: the key shows only as its mode and fingerprint. */
export function connection<S>(
  key: ApiKey,
  baseUrl: string,
  request: Connection<S>['request'],
): Connection<S> {
  return Object.freeze({ mode: keyMode(key), baseUrl, keyFingerprint: fingerprint(key), request })
}
