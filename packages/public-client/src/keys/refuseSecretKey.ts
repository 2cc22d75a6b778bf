import { fingerprint, InvalidKeyError, looksLikeSecretKey } from '@smartpay-kit/core'

/** Where a leaked secret key is rolled (replaced by a new one, the old one stops working). */
export const ROLL_KEYS_URL = 'https://dashboard.smartpay.co/settings/credentials'

/** The `rule` of the {@link InvalidKeyError} thrown when a secret key reaches the public client. */
export const SECRET_KEY_IN_CLIENT_CODE = 'secret-key-in-client-code'

function refuse(option: string, value: string): never {
  const print = fingerprint(value.trim())
  throw new InvalidKeyError(
    `createPublicClient got a secret key (${print}) in \`${option}\`. It is now exposed to client code: roll it at ${ROLL_KEYS_URL}, keep it on your server and give this client a public key.`,
    { rule: SECRET_KEY_IN_CLIENT_CODE, fingerprint: print },
  )
}

/**
 * Throws {@link InvalidKeyError} when the options of the public client hold a secret key:
 * `publicKey` starting with `sk_` (in any shape), or any other string option that looks like
 * one. Runs before every other check, so the key's exposure is the first thing reported.
 * The message shows a fingerprint, never the key.
 */
export function refuseSecretKey(options: unknown): void {
  if (typeof options !== 'object' || options === null) return
  for (const [option, value] of Object.entries(options)) {
    if (typeof value !== 'string') continue
    const secret =
      option === 'publicKey' ? value.trim().startsWith('sk_') : looksLikeSecretKey(value)
    if (secret) refuse(option, value)
  }
}
