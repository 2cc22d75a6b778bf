import type { ApiKey } from '../keys/keys.js'

/**
 * How the key travels. `basic` is RFC 7617 with the key as user name and an empty password
 * (what `curl -u KEY:` sends); `bearer` is `Authorization: Bearer KEY`, needed cross-origin.
 */
export type AuthScheme = 'basic' | 'bearer'

/** Builds the `Authorization` header value for a key. */
export function authorizationHeader(key: ApiKey, scheme: AuthScheme): string {
  // Keys are ASCII letters, digits and underscores (checked at parse), so btoa is safe.
  return scheme === 'bearer' ? `Bearer ${key}` : `Basic ${btoa(`${key}:`)}`
}
