/**
 * @smartpay-kit/core/internal — the plumbing the smartpay-kit clients share: the read-only
 * transport, parameter checks, key screening and redaction, the runtime probe. For the
 * packages of this repository only: it follows their release, not semver (README, "internal").
 * @packageDocumentation
 */

// Errors
export { errorClassForStatus, STATUS_ERRORS } from './errors/errors.js'
export { redactKeys } from './errors/redact.js'
// Keys
export { exposedKeyError } from './keys/exposedKeyError.js'
export { looksLikeSecretKey, SECRET_KEY_PATTERN } from './keys/keys.js'
export { holdsSecretKey, normalizeKey } from './keys/normalizeKey.js'
// Runtime
export { isShopperBrowser, type RuntimeGlobals } from './runtime/shopperBrowser.js'
// Schemas
export type { InferOutput } from './schemas/standard.js'
export { validateParams, validateResponse } from './schemas/validate.js'
// Transport
export { authorizationHeader } from './transport/auth.js'
export { resolveBaseUrl } from './transport/baseUrl.js'
export type { ReadSpec, ReadTransport } from './transport/Connection.js'
export { createReadTransport } from './transport/createReadTransport.js'
export { createIdempotencyKey, MUTATING_METHODS } from './transport/idempotency.js'
export { userAgent } from './transport/userAgent.js'
