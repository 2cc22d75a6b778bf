import { ConnectionError } from '../errors/errors.js'
import type { Attempt } from './wire.js'

// A TLS certificate the runtime does not trust is the usual failure against a local sandbox (its
// own CA), and each runtime reports it its own way: the error says so, and how to trust it.

// Node and Bun put OpenSSL's code on the cause; Deno (rustls) only says it in the message.
const CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'CERT_UNTRUSTED',
])
const MESSAGE =
  /self[- ]signed certificate|unable to (?:get local issuer|verify the first) certificate|UnknownIssuer|certificate is not trusted/i
// workerd keeps the reason to its own log ("TLS peer's certificate is not trusted"): the Worker
// gets only this, for that and for other faults of its own.
const WORKERD = /^internal error; reference = /

const HOW =
  'start the process with NODE_EXTRA_CA_CERTS=<CA file> (smartpay-sandbox prints the file it wrote), or pass a `fetch` that trusts it; Deno: --cert <CA file>; workerd (wrangler dev, miniflare): start wrangler with NODE_EXTRA_CA_CERTS=<CA file>, which it hands to workerd'

/**
 * What a connection error adds when fetch threw for a certificate the runtime does not trust (or,
 * in workerd, may have, off the production API): what happened and how to trust it; else `''`.
 */
export function untrustedCertificateHint(error: unknown, baseUrl: string): string {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const { code } = cause as { code?: unknown }
    if ((typeof code === 'string' && CODES.has(code)) || MESSAGE.test(cause.message))
      return ` This runtime does not trust the server's TLS certificate (a local sandbox's own CA, or a proxy's). To trust it in Node or Bun, ${HOW}.`
    if (WORKERD.test(cause.message) && !baseUrl.startsWith('https://api.smartpay.co/'))
      return ` In workerd this is also how fetch reports a TLS certificate it does not trust, such as a local sandbox's: if workerd's log says "TLS peer's certificate is not trusted", ${HOW}.`
  }
  return ''
}

/**
 * The full transport's attempt, whose rejection for an untrusted certificate becomes a
 * `ConnectionError` that says so. The engine retries only a `TypeError`: this one is not retried,
 * since a certificate stays untrusted. A page's read-only transport ships none of this.
 */
export function explainCertificates(attempt: Attempt, baseUrl: string): Attempt {
  return async (wire, ms) => {
    try {
      return await attempt(wire, ms)
    } catch (error) {
      const hint = untrustedCertificateHint(error, baseUrl)
      if (!hint) throw error
      // fetch's own message is a bare "fetch failed": the reason is its deepest cause's.
      let reason = String(error)
      for (let cause: unknown = error; cause instanceof Error; cause = cause.cause)
        reason = cause.message
      const { method, path, idempotencyKey } = wire
      const message = `${method} ${path} got no answer from the API: ${reason}.${hint}`
      throw new ConnectionError(message, { method, path, idempotencyKey, cause: error })
    }
  }
}
