import { WebhookVerificationError } from './errors.js'
import { createMemorySeenEventStore, type SeenEventStore } from './seenEvents.js'
import {
  bodyBytes,
  matchesAnyKey,
  signedPayload,
  signingKey,
  WEBHOOK_HEADERS,
  type WebhookBody,
} from './signature.js'
import { parseJson, understand, type VerifiedWebhookEvent } from './understand.js'

/** Request headers: a Fetch `Headers`, or a record such as Node's `IncomingHttpHeaders`. */
export type WebhookHeaders =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>

/**
 * The endpoint's `signingSecret`; several during a rotation (any one may match); or a function
 * that picks them by the `Smartpay-Subscription-Id` header when one server receives for
 * several endpoints.
 */
export type WebhookSigningSecret =
  | string
  | readonly string[]
  | ((subscriptionId: string) => string | readonly string[] | Promise<string | readonly string[]>)

/**
 * Options of {@link verifyWebhookRequest}, and of {@link createWebhookHandler}.
 * @example
 * await verifyWebhookRequest(request, { signingSecret: env.SMARTPAY_WEBHOOK_SECRET })
 */
export interface VerifyWebhookRequestOptions {
  /** See {@link WebhookSigningSecret}. */
  signingSecret: WebhookSigningSecret
  /**
   * Largest accepted distance, in ms, between `Smartpay-Signature-Timestamp` and this server's
   * clock, either way. `false` turns the check off, e.g. to verify stored deliveries in tests,
   * and with it the replay check unless `seenEvents` is given.
   * @default 300_000 (5 minutes)
   */
  toleranceMs?: number | false | undefined
  /**
   * Where accepted deliveries are remembered, so that the same delivery sent again is refused as
   * `replayed`; `false` turns the check off. Give a shared store when several servers receive.
   * @default one store in this process's memory (see {@link createMemorySeenEventStore})
   */
  seenEvents?: SeenEventStore | false | undefined
  /**
   * Largest accepted body, in bytes: a larger one is refused as `body-too-large` before any
   * signature is computed. Smartpay's events weigh a few kB.
   * @default 262_144 (256 KiB)
   */
  maxBodyBytes?: number | undefined
}

/**
 * Options of {@link verifyWebhook}.
 * @example
 * await verifyWebhook({ body: rawBody, headers: req.headers, signingSecret: secret })
 */
export interface VerifyWebhookOptions extends VerifyWebhookRequestOptions {
  /** The body exactly as received. Parsing and re-serializing JSON changes it. */
  body: WebhookBody
  /** The request's headers; names are matched in any case. */
  headers: WebhookHeaders
}

const DEFAULT_TOLERANCE_MS = 300_000
// The sandbox's events weigh 0.4–2.4 kB (order.authorized with 50 line items, the most a
// session takes, is 2.4 kB; the official SDK's payment.created is 0.4 kB). 256 KiB leaves a
// hundredfold room for expanded objects and still refuses large bodies before any HMAC.
const DEFAULT_MAX_BODY_BYTES = 262_144

// Created on first use, so that importing this module allocates nothing.
let processStore: SeenEventStore | undefined

/**
 * Checks that a delivery was signed by Smartpay for this endpoint, recently, and not seen before,
 * then reads it. Throws a {@link WebhookVerificationError} only when the delivery is refused: an
 * authentic one always resolves, to the typed event when this version understands the body
 * (narrow it by `type`), else to an {@link UnrecognizedWebhookEvent} (`understood: false`).
 * @example
 * app.post('/webhooks/smartpay', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await verifyWebhook({
 *     body: req.body, // a Buffer: the raw bytes, not parsed JSON
 *     headers: req.headers,
 *     signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET!,
 *   })
 *   if (event.type === 'order.authorized') await fulfil(event.eventData.data.id)
 *   else if (!event.understood) console.warn('Smartpay event not understood:', event.issues)
 *   res.sendStatus(200)
 * })
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<VerifiedWebhookEvent> {
  const { headers, signingSecret } = options
  const tolerance = resolveTolerance(options.toleranceMs)
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)
  const seenEvents = resolveStore(options.seenEvents, tolerance)
  const body = bodyBytes(options.body)
  if (body.byteLength > maxBodyBytes) throw bodyTooLarge(body.byteLength, maxBodyBytes)
  const signature = readHeader(headers, WEBHOOK_HEADERS.signature)
  const timestamp = readHeader(headers, WEBHOOK_HEADERS.timestamp)
  if (signature === undefined || timestamp === undefined) {
    const missing = signature === undefined ? WEBHOOK_HEADERS.signature : WEBHOOK_HEADERS.timestamp
    throw new WebhookVerificationError(
      'missing-header',
      `The ${missing} header is missing, so this request cannot be verified. Smartpay sends ` +
        `${WEBHOOK_HEADERS.signature} and ${WEBHOOK_HEADERS.timestamp} with every delivery; ` +
        'if it came through a proxy, make sure the proxy forwards them.',
    )
  }
  const secrets = await resolveSecrets(signingSecret, headers)
  const keys = secrets.map(signingKey)
  const payload = signedPayload(timestamp, body)

  if (!(await matchesAnyKey(payload, signature, keys))) {
    const shape = /^[0-9a-f]{64}$/i.test(signature) ? '' : ' (it is not 64 hex digits)'
    const tried =
      secrets.length === 1 ? 'the signingSecret' : `any of the ${secrets.length} signingSecrets`
    throw new WebhookVerificationError(
      'bad-signature',
      `The ${WEBHOOK_HEADERS.signature} header${shape} does not match this body signed with ` +
        `${tried}. The body must be the raw bytes as received: a parsed and re-serialized JSON ` +
        'body will not match (use express.raw(), await request.text() or verifyWebhookRequest). ' +
        "Check you use this endpoint's signingSecret, not an API key or another endpoint's.",
    )
  }
  if (tolerance !== false) checkTimestamp(timestamp, tolerance)
  if (seenEvents) await checkReplay(seenEvents, signature, timestamp, tolerance)
  // Authentic from here on: whatever the body holds, it is returned, never thrown.
  return understand(parseJson(body))
}

/** @internal Checks `maxBodyBytes` (also for the Request and handler paths). */
export function resolveMaxBodyBytes(max: number | undefined): number {
  if (max === undefined) return DEFAULT_MAX_BODY_BYTES
  if (Number.isInteger(max) && max > 0) return max
  throw new TypeError(`maxBodyBytes must be a whole number of bytes ≥ 1; got ${max}.`)
}

/** @internal The refusal of a body over the limit. */
export function bodyTooLarge(size: number | undefined, max: number): WebhookVerificationError {
  const got = size === undefined ? 'more' : `${size} bytes`
  return new WebhookVerificationError(
    'body-too-large',
    `The body is larger than maxBodyBytes (${max} bytes): got ${got}. Smartpay's events weigh a ` +
      'few kB, so this is not one; raise maxBodyBytes if you are sure it is.',
  )
}

function resolveTolerance(tolerance: number | false | undefined): number | false {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_MS
  if (tolerance === false || tolerance >= 0) return tolerance
  throw new TypeError(
    `toleranceMs must be a number of milliseconds ≥ 0, or false to skip the check; got ${tolerance}.`,
  )
}

function resolveStore(
  store: SeenEventStore | false | undefined,
  tolerance: number | false,
): SeenEventStore | undefined {
  if (store !== undefined) return store === false ? undefined : store
  // Without the timestamp check a replay may come at any time, which no bounded store covers.
  if (tolerance === false) return undefined
  processStore ??= createMemorySeenEventStore()
  return processStore
}

/** A header's value in any name case; repeated values are joined with ", " as `Headers` does. */
function readHeader(headers: WebhookHeaders, name: string): string | undefined {
  let value: string | null | undefined
  if (typeof headers.get === 'function') {
    value = (headers as Headers).get(name)
  } else {
    const wanted = name.toLowerCase()
    const parts: string[] = []
    for (const [key, entry] of Object.entries(headers as Record<string, unknown>)) {
      if (key.toLowerCase() !== wanted) continue
      if (typeof entry === 'string') parts.push(entry)
      else if (Array.isArray(entry)) parts.push(...entry.filter((e) => typeof e === 'string'))
    }
    value = parts.length > 0 ? parts.join(', ') : undefined
  }
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

async function resolveSecrets(
  signingSecret: WebhookSigningSecret,
  headers: WebhookHeaders,
): Promise<readonly unknown[]> {
  let secrets: unknown = signingSecret
  if (typeof signingSecret === 'function') {
    const subscriptionId = readHeader(headers, WEBHOOK_HEADERS.subscriptionId)
    if (subscriptionId === undefined) {
      throw new WebhookVerificationError(
        'missing-header',
        `The ${WEBHOOK_HEADERS.subscriptionId} header is missing, and signingSecret is a function ` +
          'that needs it to pick the secret. Smartpay sends it with every delivery; pass the ' +
          'secret itself if this request cannot carry it.',
      )
    }
    secrets = await signingSecret(subscriptionId)
    // Nothing for this id is the lookup's way to say "not one of our endpoints": a refusal, not
    // a configuration error (anyone can send any id).
    if (secrets === undefined || (Array.isArray(secrets) && secrets.length === 0)) {
      throw new WebhookVerificationError(
        'unknown-endpoint',
        `The signingSecret function has no secret for the endpoint "${subscriptionId.slice(0, 64)}" ` +
          `named by ${WEBHOOK_HEADERS.subscriptionId}, so this delivery is not for one of your ` +
          'endpoints and cannot be verified.',
      )
    }
  }
  const list = Array.isArray(secrets) ? secrets : [secrets]
  if (list.length === 0) {
    throw new WebhookVerificationError(
      'malformed-secret',
      'Invalid webhook signingSecret: the list of secrets is empty; pass at least one.',
    )
  }
  return list
}

function checkTimestamp(timestamp: string, tolerance: number): void {
  const now = Date.now()
  const sent = /^\d{1,16}$/.test(timestamp) ? Number(timestamp) : Number.NaN
  if (Math.abs(now - sent) <= tolerance) return
  const distance = Math.abs(now - sent)
  const problem = Number.isNaN(sent)
    ? `"${timestamp.slice(0, 32)}" is not a number of milliseconds since the epoch`
    : `${timestamp} is ${duration(distance)} ${sent < now ? 'in the past' : 'in the future'}, ` +
      `beyond the tolerance of ${duration(tolerance)}`
  throw new WebhookVerificationError(
    'timestamp-outside-tolerance',
    `The signature is valid, but ${WEBHOOK_HEADERS.timestamp} ${problem}. Either this is a ` +
      "replay of an old delivery, or this server's clock is wrong (check NTP). To verify stored " +
      'deliveries, e.g. test fixtures, pass toleranceMs: false.',
  )
}

const duration = (ms: number) => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

/**
 * Refuses a delivery accepted before, then remembers this one until its timestamp leaves the
 * tolerance window, after which the timestamp check refuses a replay by itself. The key is the
 * signature, not the event id: Smartpay signs each attempt anew, so its own retries of an event
 * whose handling failed are new deliveries and get through. Only the same signed bytes sent again
 * are refused.
 */
async function checkReplay(
  store: SeenEventStore,
  signature: string,
  timestamp: string,
  tolerance: number | false,
): Promise<void> {
  const key = `delivery:${signature.toLowerCase()}`
  // No await between asking and marking when the store answers at once (the memory store), so
  // two copies of a delivery arriving together cannot both pass.
  const seen = store.seen(key)
  if (seen === true || (seen !== false && (await seen))) {
    throw new WebhookVerificationError(
      'replayed',
      'The signature is valid and recent, but this very delivery (same signature) was accepted ' +
        'before: it is a replay. Smartpay signs each attempt anew, so its own retries are never ' +
        'refused for this.',
    )
  }
  const ttl =
    tolerance === false ? DEFAULT_TOLERANCE_MS : Number(timestamp) + tolerance - Date.now()
  await store.markSeen(key, Math.max(1, ttl))
}
