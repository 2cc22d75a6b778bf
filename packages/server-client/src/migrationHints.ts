import { fingerprint, ValidationError } from '@smartpay-kit/core'
import { looksLikeSecretKey } from '@smartpay-kit/core/internal'

// What @smartpay/sdk-node took that this client takes otherwise, with the fix: its constructor
// `new Smartpay(secretKey, { publicKey, apiPrefix })` and its `request(endpoint, options)`.
// The resource methods' params are checked by their schemas (core's migrationHints.ts) and
// their ids by ids.ts.

/** Options of `new Smartpay(key, options)` → their fix here. */
const CONSTRUCTOR_OPTIONS: Readonly<Record<string, string>> = {
  apiPrefix: 'the API root is "baseUrl" here',
  publicKey:
    'the server client needs no public key (the official SDK stored it and never used it); give it to createPublicClient in the browser',
}

/** `request(endpoint, { method, params, payload, idempotencyKey, retries })` → the fix. */
export const REQUEST_FIELDS: Readonly<Record<string, string>> = {
  params: 'the query goes in "query"',
  payload: 'the JSON body goes in "body"',
  endpoint: 'the path goes in "path"',
  idempotencyKey:
    'an idempotency key goes in the options, the second argument: request(spec, { idempotencyKey })',
  retries: 'retries go in the options, the second argument: request(spec, { maxRetries })',
}

/**
 * Refuses the official SDK's construction shapes with their fix: the key itself instead of
 * options (`new Smartpay(key)`), and its `apiPrefix` and `publicKey` options.
 */
export function checkConstructorShape(options: unknown): void {
  if (typeof options === 'string') {
    const key = looksLikeSecretKey(options) ? ` (${fingerprint(options)})` : ''
    throw new ValidationError(
      `createServerClient takes options, not the key itself${key} as new Smartpay(key) did: createServerClient({ secretKey: parseSecretKey(key) }), or createServerClient() to read SMARTPAY_SECRET_KEY.`,
      { field: 'options', issues: [] },
    )
  }
  if (typeof options !== 'object' || options === null) return
  for (const name in options) {
    const fix = Object.hasOwn(CONSTRUCTOR_OPTIONS, name) ? CONSTRUCTOR_OPTIONS[name] : undefined
    if (fix) {
      throw new ValidationError(
        `Invalid client option "${name}" (an option of @smartpay/sdk-node): ${fix}.`,
        { field: name, issues: [{ message: fix, path: [name] }] },
      )
    }
  }
}
