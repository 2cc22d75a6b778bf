import { describe, expect, it } from 'vitest'
import manifest from '../package.json' with { type: 'json' }
import * as publicClient from './index.js'

// Any change to the public surface shows up here, in review.
describe('public exports', () => {
  it('of @smartpay-kit/public-client', () => {
    expect(Object.keys(publicClient).sort()).toMatchInlineSnapshot(`
      [
        "AbortError",
        "ApiPromise",
        "ApiServerError",
        "AuthenticationError",
        "BadRequestError",
        "ConnectionError",
        "InsecureUrlError",
        "InvalidKeyError",
        "NotFoundError",
        "PUBLIC_OPERATIONS",
        "PermissionDeniedError",
        "ROLL_KEYS_URL",
        "RateLimitError",
        "RedirectError",
        "SECRET_KEY_IN_CLIENT_CODE",
        "SmartpayError",
        "TimeoutError",
        "UnexpectedResponseError",
        "ValidationError",
        "checkoutUrl",
        "createPublicClient",
        "fingerprint",
        "isSmartpayError",
        "parsePublicKey",
        "redirectToCheckout",
      ]
    `)
  })

  it('of the package: one browser entry point, no build tool (that is @smartpay-kit/firewall)', () => {
    expect(Object.keys(manifest.exports)).toEqual(['.', './package.json'])
    expect(Object.keys(manifest.dependencies)).toEqual(['@smartpay-kit/core'])
    expect(manifest).not.toHaveProperty('bin')
    expect(manifest).not.toHaveProperty('peerDependencies')
  })
})
