import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyMode } from '../keys/keys.js'

/**
 * What to do about an API error, by its status and the API's `errorCode` (`undefined` when the
 * body has none), or `undefined` when neither says what is wrong (the API's message stands). A
 * hint names a cause only where the status and the code say so: a 403 `amount.insufficient`
 * (a refund over what is left) is not a key problem. Only a 401, and a 403 without a code or
 * with a `.forbidden` one, speak of the key, and only ever show its fingerprint.
 */
export function errorHint(
  status: number,
  code: string | undefined,
  key: ApiKey,
): string | undefined {
  const mode = keyMode(key)
  if (status === 401) {
    return `The key ${fingerprint(key)} is missing, wrong or outdated: copy the current one from the dashboard.`
  }
  if (status === 403 && code === 'amount.insufficient') {
    return 'The amount is more than the payment has left to refund.'
  }
  if (status === 403 && (!code || code.endsWith('.forbidden'))) {
    return 'This key may not make this call.'
  }
  if (status === 404 && (!code || code.endsWith('.not-found'))) {
    return `Check the ${code ? '' : 'path and the '}id. Test and live objects are separate: a ${mode}-mode key sees only ${mode} objects.`
  }
  return undefined
}
