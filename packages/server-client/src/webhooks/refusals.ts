import { WebhookVerificationError, type WebhookVerificationErrorReason } from './errors.js'
import { WEBHOOK_HEADERS } from './headers.js'

/** The environment variable the docs and messages name for an endpoint's signing secret. */
export const WEBHOOK_SECRET_VARIABLE = 'SMARTPAY_WEBHOOK_SECRET'

/** What each refusal's message is made of. */
interface RefusalDetails {
  'missing-header': { header: string; forSecretFunction?: boolean }
  'bad-signature': { signature: string; secrets: number }
  'unknown-endpoint': { subscriptionId: string }
  'timestamp-outside-tolerance': { timestamp: string; now: number; toleranceMs: number }
  replayed: Record<string, never>
  'body-too-large': { size: number | undefined; max: number }
  'malformed-secret': { problem: string }
}

const duration = (ms: number) => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

/** Reason → message: what happened, and what to do. None holds a secret. */
const MESSAGES: { [R in WebhookVerificationErrorReason]: (details: RefusalDetails[R]) => string } =
  {
    'missing-header': ({ header, forSecretFunction }) =>
      forSecretFunction
        ? `The ${header} header is missing, and signingSecret is a function that needs it to ` +
          'pick the secret. Smartpay sends it with every delivery; pass the secret itself if ' +
          'this request cannot carry it.'
        : `The ${header} header is missing, so this request cannot be verified. Smartpay sends ` +
          `${WEBHOOK_HEADERS.signature} and ${WEBHOOK_HEADERS.timestamp} with every delivery; ` +
          'if it came through a proxy, make sure the proxy forwards them.',
    'bad-signature': ({ signature, secrets }) =>
      `The ${WEBHOOK_HEADERS.signature} header${/^[0-9a-f]{64}$/i.test(signature) ? '' : ' (it is not 64 hex digits)'} ` +
      `does not match this body signed with ${secrets === 1 ? 'the signingSecret' : `any of the ${secrets} signingSecrets`}. ` +
      'The body must be the raw bytes as received: a parsed and re-serialized JSON body will ' +
      'not match (use express.raw(), await request.text() or verifyWebhookRequest). Check you ' +
      "use this endpoint's signingSecret, not an API key or another endpoint's.",
    'unknown-endpoint': ({ subscriptionId }) =>
      `The signingSecret function has no secret for the endpoint "${subscriptionId.slice(0, 64)}" ` +
      `named by ${WEBHOOK_HEADERS.subscriptionId}, so this delivery is not for one of your ` +
      'endpoints and cannot be verified.',
    'timestamp-outside-tolerance': ({ timestamp, now, toleranceMs }) => {
      const sent = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN
      const problem = Number.isNaN(sent)
        ? `"${timestamp.slice(0, 32)}" is not a number of milliseconds since the epoch`
        : `${timestamp} is ${duration(Math.abs(now - sent))} ${sent < now ? 'in the past' : 'in the future'}, ` +
          `beyond the tolerance of ${duration(toleranceMs)}`
      return (
        `The signature is valid, but ${WEBHOOK_HEADERS.timestamp} ${problem}. Either this is a ` +
        "replay of an old delivery, or this server's clock is wrong (check NTP). To verify " +
        'stored deliveries, e.g. test fixtures, pass toleranceMs: false.'
      )
    },
    replayed: () =>
      'The signature is valid and recent, but this very delivery (same signature) was accepted ' +
      'before: it is a replay. Smartpay signs each attempt anew, so its own retries are never ' +
      'refused for this.',
    'body-too-large': ({ size, max }) =>
      `The body is larger than maxBodyBytes (${max} bytes): got ${size === undefined ? 'more' : `${size} bytes`}. ` +
      "Smartpay's events weigh a few kB, so this is not one; raise maxBodyBytes if you are sure it is.",
    'malformed-secret': ({ problem }) => `Invalid webhook signingSecret: ${problem}.`,
  }

/** The refusal for `reason`, its message built from `details`. */
export function refuse<R extends WebhookVerificationErrorReason>(
  reason: R,
  details: RefusalDetails[R],
): WebhookVerificationError {
  return new WebhookVerificationError(reason, MESSAGES[reason](details))
}
