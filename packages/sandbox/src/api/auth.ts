import { ApiError } from '../domain/errors.js'
import type { Mode } from '../domain/ids.js'

/** The key syntax the API and its SDKs use. */
export const KEY_PATTERN: RegExp = /^(pk|sk)_(test|live)_[0-9A-Za-z]+$/

/** Keys the CLI prints; any syntactically valid key works unless `keys` is given. */
export const DEFAULT_KEYS = {
  secret: 'sk_test_sandboxSecretKey000001',
  public: 'pk_test_sandboxPublicKey000001',
  liveSecret: 'sk_live_sandboxSecretKey000001',
  livePublic: 'pk_live_sandboxPublicKey000001',
} as const

/**
 * The names of the only operations a public (`pk_`) key may call: what a browser needs to show
 * a session. Everything else answers 403 `request.forbidden` to a public key. (public-client's
 * `PUBLIC_OPERATIONS` is the array of these operations with their paths.)
 */
export const PUBLIC_OPERATION_NAMES: ReadonlySet<string> = new Set(['checkoutSessions.retrieve'])

/** Who is calling: the key, its kind and its mode. */
export interface Credentials {
  key: string
  kind: 'secret' | 'public'
  mode: Mode
}

/** The 401 body the API sends (no errorCode, unlike every other error). */
export const UNAUTHORIZED_BODY = { statusCode: 401, scheme: 'Basic', realm: 'smartpay' } as const

/**
 * Reads the key from `Authorization`: raw `Basic sk_…` (what the SDKs send), RFC 7617
 * `Basic base64("sk_…:")`, or `Bearer sk_…`/`Bearer pk_…`.
 */
export function keyFromHeader(header: string | undefined): string | undefined {
  const match = /^(Basic|Bearer)\s+(\S+)\s*$/i.exec(header ?? '')
  if (!match) return undefined
  const [, scheme = '', value = ''] = match
  if (KEY_PATTERN.test(value)) return value
  if (scheme.toLowerCase() !== 'basic' || !/^[A-Za-z0-9+/]+=*$/.test(value)) return undefined
  const decoded = decodeBase64(value)
  if (decoded === undefined) return undefined
  const colon = decoded.indexOf(':')
  if (colon < 0) return undefined
  const user = decoded.slice(0, colon)
  const password = decoded.slice(colon + 1)
  if (KEY_PATTERN.test(user) && password === '') return user
  // Some tools put the key in the password slot with an empty user.
  if (user === '' && KEY_PATTERN.test(password)) return password
  return undefined
}

/** UTF-8 text of a base64 string, or `undefined` when it is not valid base64 or UTF-8. */
function decodeBase64(value: string): string | undefined {
  try {
    const bytes = Uint8Array.from(atob(value), (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

/** Resolves the caller, or `undefined` for a missing, malformed or unaccepted key. */
export function authenticate(
  header: string | undefined,
  accepted?: ReadonlySet<string>,
): Credentials | undefined {
  const key = keyFromHeader(header)
  if (!key || (accepted && !accepted.has(key))) return undefined
  return {
    key,
    kind: key.startsWith('pk_') ? 'public' : 'secret',
    mode: key.slice(3, 7) === 'live' ? 'live' : 'test',
  }
}

/** 403 for a public key on a secret-key operation. */
export function publicKeyForbidden(operation: string): ApiError {
  return new ApiError(
    403,
    'request.forbidden',
    `This operation (${operation}) needs a secret key; a public key may only retrieve a checkout session.`,
  )
}
