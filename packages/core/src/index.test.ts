import { expect, it } from 'vitest'
import * as core from './index.js'

// Any change to core's public surface shows up here, in review.
it('exports exactly the public API of @smartpay-kit/core', () => {
  expect(Object.keys(core).sort()).toMatchInlineSnapshot(`
    [
      "AbortError",
      "ApiPromise",
      "ApiServerError",
      "AuthenticationError",
      "BadRequestError",
      "ConflictError",
      "ConnectionError",
      "DEFAULT_BASE_URL",
      "InsecureUrlError",
      "InvalidKeyError",
      "NotFoundError",
      "PagePromise",
      "PermissionDeniedError",
      "ROLL_KEYS_URL",
      "RateLimitError",
      "RedirectError",
      "SECRET_KEY_IN_CLIENT_CODE",
      "SmartpayError",
      "TO_ARRAY_MAX",
      "TRACING_CHANNEL",
      "TimeoutError",
      "UnexpectedResponseError",
      "VERSION",
      "ValidationError",
      "checkoutUrl",
      "createTransport",
      "fingerprint",
      "isSmartpayError",
      "keyKind",
      "keyMode",
      "paginate",
      "parsePublicKey",
      "parseSecretKey",
    ]
  `)
})
