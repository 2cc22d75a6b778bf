import { exposedKeyError, holdsSecretKey } from '@smartpay-kit/core/internal'

export { ROLL_KEYS_URL, SECRET_KEY_IN_CLIENT_CODE } from '@smartpay-kit/core'

/**
 * Throws `InvalidKeyError` when any string option of the public client holds a secret key,
 * in any disguise (`SK_…`, zero-width characters, quotes, lookalike letters, `rk_…`, inside a
 * URL). Runs before every other check, so the key's exposure is the first thing reported.
 * The message shows a fingerprint, never the key.
 */
export function refuseSecretKey(options: unknown): void {
  for (const [option, value] of Object.entries(options ?? {})) {
    if (holdsSecretKey(value)) throw exposedKeyError(`createPublicClient's \`${option}\``, value)
  }
}
