import { type PublicKey, parseKey } from '../keys/keys.js'
import { ApiPromise, type ApiResult } from './ApiPromise.js'
import type { AuthScheme } from './auth.js'
import { connection, type ReadSpec, type ReadTransport } from './Connection.js'
import { connect } from './connect.js'
import { fetchAttempt } from './fetchAttempt.js'
import {
  checkCallOptions,
  READ_CALL_RULES,
  READ_TRANSPORT_RULES,
  resolveTransportOptions,
} from './optionRules.js'
import type { ReadTransportOptions } from './options.js'

/**
 * Creates the read-only transport for a validated key: GETs with a query, no body, no
 * schemas and no idempotency keys, so a checkout page ships none of that code; its attempts go
 * through `fetch` itself, not ky, in the same engine (retries, deadlines, typed errors). It refuses
 * the full transport's extra options (`authScheme`, `retry`, `validateResponses`,
 * `idempotencyKey`). It is client code and takes a public key only, in every runtime: a
 * secret key gets `InvalidKeyError` before anything is sent.
 */
export function createReadTransport(
  key: PublicKey,
  defaultScheme: AuthScheme,
  options: ReadTransportOptions = {},
): ReadTransport {
  parseKey(key, 'public', 'createReadTransport')
  const resolved = resolveTransportOptions(options, defaultScheme, [READ_TRANSPORT_RULES])
  const send = connect(key, resolved, fetchAttempt(key, resolved))

  async function execute<T>({ method, path, query, options }: ReadSpec): Promise<ApiResult<T>> {
    const call = options ? checkCallOptions(options, [READ_CALL_RULES], { method, path }) : {}
    return send({ method, path, query, call }) as Promise<ApiResult<T>>
  }

  return connection<ReadSpec>(key, resolved.baseUrl, (spec) => new ApiPromise(execute(spec)))
}
