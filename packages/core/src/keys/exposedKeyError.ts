import { InvalidKeyError } from '../errors/errors.js'
import { fingerprint } from './fingerprint.js'

/** Where a leaked secret key is rolled (replaced by a new one; the old one stops working). */
export const ROLL_KEYS_URL = 'https://dashboard.smartpay.co/settings/credentials'

/** The `rule` of the {@link InvalidKeyError} thrown when a secret key reaches client code. */
export const SECRET_KEY_IN_CLIENT_CODE = 'secret-key-in-client-code'

/**
 * The error for a secret key that reached client code (`who` names where): it is exposed,
 * so it says to roll it. Shows a fingerprint, never the key.
 */
export function exposedKeyError(who: string, value: string): InvalidKeyError {
  const print = fingerprint(value.trim())
  return new InvalidKeyError(
    `${who} got a secret key (${print}). It is now exposed to client code: roll it at ${ROLL_KEYS_URL}, keep it on your server, use a public key here.`,
    { rule: SECRET_KEY_IN_CLIENT_CODE, fingerprint: print },
  )
}
