// The sandbox serves HTTPS with a certificate signed by a throwaway CA it makes at start
// (`sandbox.ca`). Trust exactly that CA, and only where it is needed, instead of turning
// certificate checks off.
import { createHash, X509Certificate } from 'node:crypto'
import { Agent } from 'undici'

/**
 * A `fetch` that trusts the sandbox's CA, for the server client's `fetch` option. Only this
 * fetch does: the rest of the process keeps the usual CAs.
 * @param {string} ca the sandbox's CA certificate (PEM)
 * @returns {typeof fetch}
 */
export function fetchTrusting(ca) {
  const dispatcher = new Agent({ connect: { ca } })
  // `dispatcher` is undici's addition to RequestInit; Node's global fetch is undici's.
  return (input, init) => fetch(input, /** @type {RequestInit} */ ({ ...init, dispatcher }))
}

/**
 * The base64 SHA-256 of a certificate's public key (its SPKI), the form Chromium's
 * `--ignore-certificate-errors-spki-list` takes. The sandbox sends its CA in the chain, so the
 * CA's fingerprint makes Chromium accept the sandbox, and no other bad certificate.
 * @param {string} ca a certificate (PEM)
 */
export function spkiFingerprint(ca) {
  const spki = new X509Certificate(ca).publicKey.export({ type: 'spki', format: 'der' })
  return createHash('sha256').update(spki).digest('base64')
}
