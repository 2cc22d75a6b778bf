import { describe, expect, it } from 'vitest'
import * as esbuildPlugin from './bundlers/esbuild.js'
import * as rollupPlugin from './bundlers/rollup.js'
import * as webpackPlugin from './bundlers/webpack.js'
import * as publicClient from './index.js'
import * as vitePlugin from './vite/index.js'

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

  it('of @smartpay-kit/public-client/vite', () => {
    expect(Object.keys(vitePlugin).sort()).toMatchInlineSnapshot(`
      [
        "smartpayFirewall",
      ]
    `)
  })

  it.each([
    ['rollup', rollupPlugin],
    ['esbuild', esbuildPlugin],
    ['webpack', webpackPlugin],
  ])('of @smartpay-kit/public-client/%s', (_name, plugin) => {
    expect(Object.keys(plugin).sort()).toEqual(['smartpayFirewall'])
  })
})
