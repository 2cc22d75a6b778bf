import { expect, it } from 'vitest'
import * as core from './index.js'
import * as internal from './internal.js'

// What the clients take from core besides its public API shows up here, in review.
it('exports exactly the plumbing of @smartpay-kit/core/internal', () => {
  expect(Object.keys(internal).sort()).toMatchInlineSnapshot(`
    [
      "MUTATING_METHODS",
      "SECRET_KEY_PATTERN",
      "STATUS_ERRORS",
      "authorizationHeader",
      "createIdempotencyKey",
      "createReadTransport",
      "errorClassForStatus",
      "exposedKeyError",
      "holdsSecretKey",
      "isShopperBrowser",
      "looksLikeSecretKey",
      "normalizeKey",
      "redactKeys",
      "resolveBaseUrl",
      "userAgent",
      "validateParams",
      "validateResponse",
    ]
  `)
})

it('keeps the internal entry apart from the public one', () => {
  expect(Object.keys(internal).filter((name) => name in core)).toEqual([])
})
