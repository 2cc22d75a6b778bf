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
      "MUTATING_METHODS",
      "NotFoundError",
      "PagePromise",
      "PermissionDeniedError",
      "RateLimitError",
      "RedirectError",
      "SECRET_KEY_PATTERN",
      "STATUS_ERRORS",
      "SmartpayError",
      "TO_ARRAY_MAX",
      "TimeoutError",
      "UnexpectedResponseError",
      "ValidationError",
      "authorizationHeader",
      "checkoutUrl",
      "createIdempotencyKey",
      "createReadTransport",
      "createTransport",
      "errorClassForStatus",
      "fingerprint",
      "isSmartpayError",
      "keyKind",
      "keyMode",
      "looksLikeSecretKey",
      "paginate",
      "parsePublicKey",
      "parseSecretKey",
      "redactKeys",
      "resolveBaseUrl",
      "validateParams",
      "validateResponse",
    ]
  `)
})
