import { errorHint } from '../errors/hints.js'
import { deepRedaction } from '../errors/redactTree.js'
import { type ApiKey, parseKey } from '../keys/keys.js'
import { isShopperBrowser } from '../runtime/shopperBrowser.js'
import { validateParams, validateResponse } from '../schemas/validate.js'
import { ApiPromise, type ApiResult } from './ApiPromise.js'
import type { AuthScheme } from './auth.js'
import { connection, type RequestSpec, type Transport } from './Connection.js'
import { connect } from './connect.js'
import { withExtras } from './extra.js'
import { createIdempotencyKey, MUTATING_METHODS } from './idempotency.js'
import { kyAttempt } from './kyAttempt.js'
import { observe } from './observe.js'
import {
  checkCallOptions,
  READ_CALL_RULES,
  READ_TRANSPORT_RULES,
  type Rules,
  resolveRetryTuning,
  resolveTransportOptions,
  WRITE_CALL_RULES,
  WRITE_TRANSPORT_RULES,
} from './optionRules.js'
import type { Query, TransportOptions } from './options.js'
import { checkPath } from './requestPath.js'
import { explainCertificates } from './untrustedCertificate.js'
import { userAgent } from './userAgent.js'

/**
 * Creates the full transport for a validated key: it validates parameters and responses
 * against their schemas and gives every mutating call an idempotency key. Clients call this
 * once, at construction. In a shopper's browser (a page or any worker) it takes a public key
 * only: a secret key there is exposed, and it throws `InvalidKeyError` before anything is sent.
 * `keyOption` names the option a client took the key from (`secretKey`), so that an unknown
 * option's error lists it among the valid ones.
 */
export function createTransport(
  key: ApiKey,
  defaultScheme: AuthScheme,
  options: TransportOptions = {},
  keyOption?: string,
): Transport {
  if (isShopperBrowser()) parseKey(key, 'public', 'createTransport, in a browser,')
  const rules: Rules[] = [READ_TRANSPORT_RULES, WRITE_TRANSPORT_RULES]
  // The client took its key option out before calling; it is listed, never accepted here.
  if (keyOption) rules.push({ [keyOption]: [() => false, 'the key, given apart'] })
  const resolved = resolveTransportOptions(options, defaultScheme, rules, resolveRetryTuning)
  // Off the shared path: hooks, tracing and the User-Agent are the full transport's alone. A
  // page's fetch may not set User-Agent, and a header of our own would cost a CORS preflight.
  if (!isShopperBrowser()) resolved.headers = { 'user-agent': userAgent(options.appInfo) }
  // The server's redaction for everything the network says: a key echoed in any form, and any
  // part of this client's own key.
  resolved.redaction = deepRedaction(key)
  // And advice in its errors' messages, by status and code (a checkout page carries none).
  resolved.hint = errorHint
  const { onAttempt, wrap } = observe(options.hooks, options.logBodies, resolved.redaction.text)
  const attempt = explainCertificates(kyAttempt(key, resolved), resolved.baseUrl)
  const send = wrap(connect(key, resolved, attempt, onAttempt))

  async function execute<T>(spec: RequestSpec): Promise<ApiResult<T>> {
    const { method, path } = spec
    // Any path may come here (`smartpay.request()`); the read transport's are the public
    // client's, built from ids it checked, which cannot leave the base URL's path.
    checkPath(method, path, resolved.baseUrl)
    const where = { method, path }
    const call = spec.options
      ? checkCallOptions(spec.options, [READ_CALL_RULES, WRITE_CALL_RULES], where)
      : {}
    const checked = {
      body: spec.bodySchema ? validateParams(spec.bodySchema, spec.body, where) : spec.body,
      query: spec.querySchema
        ? (validateParams(spec.querySchema, spec.query ?? {}, {
            method,
            path,
            in: 'query',
          }) as Query)
        : spec.query,
    }
    const unchecked = { body: !spec.bodySchema, query: !spec.querySchema }
    const { body, query } = withExtras(where, checked.body, checked.query, call, unchecked)
    const idempotencyKey = MUTATING_METHODS.has(method)
      ? (call.idempotencyKey ?? createIdempotencyKey())
      : undefined
    const result = await send({ method, path, query, body, idempotencyKey, call })
    const { data, meta } = result
    if (resolved.validateResponses && spec.responseSchema && data !== undefined) {
      const { status, requestId } = meta
      result.data = validateResponse(spec.responseSchema, data, { method, path, status, requestId })
    }
    return result as ApiResult<T>
  }

  return connection<RequestSpec>(key, resolved.baseUrl, (spec) => new ApiPromise(execute(spec)))
}
