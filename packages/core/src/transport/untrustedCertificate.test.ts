import { describe, expect, it } from 'vitest'
import { untrustedCertificateHint } from './untrustedCertificate.js'

const SANDBOX = 'https://127.0.0.1:4242/v1'
const API = 'https://api.smartpay.co/v1'

/** What undici's fetch throws: a bare TypeError, the reason on its cause. */
const nodeError = (code: string, message: string) =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) })

describe('untrustedCertificateHint', () => {
  it.each([
    ['SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', 'self-signed certificate'],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'unable to get local issuer certificate'],
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'unable to verify the first certificate'],
  ])(
    'says what Node and Bun refuse (%s) and how to trust it, wherever the API is',
    (code, message) => {
      for (const baseUrl of [SANDBOX, API]) {
        const hint = untrustedCertificateHint(nodeError(code, message), baseUrl)
        expect(hint).toMatch(/^ This runtime does not trust the server's TLS certificate/)
        expect(hint).toContain('NODE_EXTRA_CA_CERTS=<CA file>')
        expect(hint).toContain('workerd (wrangler dev, miniflare)')
      }
    },
  )

  it("reads Deno's message, which has no code", () => {
    const deno = new TypeError('error sending request', {
      cause: new Error('invalid peer certificate: UnknownIssuer'),
    })
    expect(untrustedCertificateHint(deno, SANDBOX)).toContain('--cert <CA file>')
  })

  it("names workerd's opaque internal error as a likely untrusted certificate, off the production API only", () => {
    const workerd = new Error('internal error; reference = rjiei6i40s385it7nqo33lc8')
    expect(untrustedCertificateHint(workerd, SANDBOX)).toMatch(
      /^ In workerd this is also how fetch reports a TLS certificate it does not trust.*TLS peer's certificate is not trusted.*NODE_EXTRA_CA_CERTS/,
    )
    expect(untrustedCertificateHint(workerd, API)).toBe('')
  })

  it('says nothing of other failures', () => {
    for (const error of [
      nodeError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:4242'),
      nodeError('CERT_HAS_EXPIRED', 'certificate has expired'),
      nodeError(
        'ERR_TLS_CERT_ALTNAME_INVALID',
        "Hostname/IP does not match certificate's altnames",
      ),
      new TypeError('Failed to fetch'),
      'not an error',
    ]) {
      expect(untrustedCertificateHint(error, SANDBOX)).toBe('')
    }
  })
})
