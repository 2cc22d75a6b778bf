import * as v from 'valibot'
import { type UnknownWebhookEvent, WebhookSignatureError } from './errors.js'
import { isEventType, type WebhookEvent, WebhookEventSchema } from './event.js'
import {
  matchesAnyKey,
  signedPayload,
  signingKey,
  WEBHOOK_HEADERS,
  type WebhookBody,
} from './signature.js'

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
 * Options of {@link verifyWebhookRequest}.
 * @example
 * await verifyWebhookRequest(request, { signingSecret: env.SMARTPAY_WEBHOOK_SECRET })
 */
export interface VerifyWebhookRequestOptions {
  /** See {@link WebhookSigningSecret}. */
  signingSecret: WebhookSigningSecret
  /**
   * Largest accepted distance, in ms, between `Smartpay-Signature-Timestamp` and this server's
   * clock, either way. `false` turns the check off, e.g. to replay stored deliveries in tests.
   * @default 300_000 (5 minutes)
   */
  toleranceMs?: number | false | undefined
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
const decoder = new TextDecoder('utf-8', { fatal: true })

/**
 * Checks that a delivery was signed by Smartpay for this endpoint and recently, then parses it.
 * Throws a {@link WebhookSignatureError} whose `reason` says what failed.
 * @example
 * app.post('/webhooks/smartpay', express.raw({ type: 'application/json' }), async (req, res) => {
 *   const event = await verifyWebhook({
 *     body: req.body, // a Buffer: the raw bytes, not parsed JSON
 *     headers: req.headers,
 *     signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET!,
 *   })
 *   if (event.type === 'order.authorized') await fulfil(event.eventData.data.id)
 *   res.sendStatus(200)
 * })
 */
export async function verifyWebhook(options: VerifyWebhookOptions): Promise<WebhookEvent> {
  const { body, headers, signingSecret } = options
  const tolerance = resolveTolerance(options.toleranceMs)
  const signature = readHeader(headers, WEBHOOK_HEADERS.signature)
  const timestamp = readHeader(headers, WEBHOOK_HEADERS.timestamp)
  if (signature === undefined || timestamp === undefined) {
    const missing = signature === undefined ? WEBHOOK_HEADERS.signature : WEBHOOK_HEADERS.timestamp
    throw new WebhookSignatureError(
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
    throw new WebhookSignatureError(
      'bad-signature',
      `The ${WEBHOOK_HEADERS.signature} header${shape} does not match this body signed with ` +
        `${tried}. The body must be the raw bytes as received: a parsed and re-serialized JSON ` +
        'body will not match (use express.raw(), await request.text() or verifyWebhookRequest). ' +
        "Check you use this endpoint's signingSecret, not an API key or another endpoint's.",
    )
  }
  if (tolerance !== false) checkTimestamp(timestamp, tolerance)
  return parseEvent(body)
}

/**
 * {@link verifyWebhook} for a Web `Request` (Next.js route handlers, Hono, Workers, Deno, Bun):
 * reads the raw body itself, so it cannot be parsed first by mistake.
 * @example
 * export async function POST(request: Request) {
 *   const event = await verifyWebhookRequest(request, {
 *     signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET!,
 *   })
 *   if (event.type === 'payment.created') await recordPayment(event.eventData.data)
 *   return new Response(null, { status: 200 })
 * }
 */
export async function verifyWebhookRequest(
  request: Request,
  options: VerifyWebhookRequestOptions,
): Promise<WebhookEvent> {
  if (request.bodyUsed) {
    throw new TypeError(
      'The request body was already read, so its raw bytes are gone. Call verifyWebhookRequest ' +
        'before anything reads the body, or pass request.clone().',
    )
  }
  const body = await request.arrayBuffer()
  return verifyWebhook({ ...options, body, headers: request.headers })
}

function resolveTolerance(tolerance: number | false | undefined): number | false {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_MS
  if (tolerance === false || tolerance >= 0) return tolerance
  throw new TypeError(
    `toleranceMs must be a number of milliseconds ≥ 0, or false to skip the check; got ${tolerance}.`,
  )
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
      throw new WebhookSignatureError(
        'missing-header',
        `The ${WEBHOOK_HEADERS.subscriptionId} header is missing, and signingSecret is a function ` +
          'that needs it to pick the secret. Smartpay sends it with every delivery; pass the ' +
          'secret itself if this request cannot carry it.',
      )
    }
    secrets = await signingSecret(subscriptionId)
  }
  const list = Array.isArray(secrets) ? secrets : [secrets]
  if (list.length === 0) {
    throw new WebhookSignatureError(
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
  throw new WebhookSignatureError(
    'timestamp-outside-tolerance',
    `The signature is valid, but ${WEBHOOK_HEADERS.timestamp} ${problem}. Either this is a ` +
      "replay of an old delivery, or this server's clock is wrong (check NTP). To verify stored " +
      'deliveries, e.g. test fixtures, pass toleranceMs: false.',
  )
}

const duration = (ms: number) => (ms < 10_000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`)

function parseEvent(body: WebhookBody): WebhookEvent {
  let json: unknown
  try {
    json = JSON.parse(typeof body === 'string' ? body : decoder.decode(body))
  } catch (cause) {
    throw new WebhookSignatureError(
      'malformed-body',
      `The signature is valid, but the body is not JSON (${(cause as Error).message}).`,
      { cause },
    )
  }
  const result = v.safeParse(WebhookEventSchema, json)
  if (result.success) return result.output
  const unknown = unknownType(json)
  if (unknown) {
    throw new WebhookSignatureError(
      'unknown-event-type',
      `The delivery is authentic, but its event type "${unknown.type}" is newer than this ` +
        'version of @smartpay-kit/server-client. Answer 200 if you do not handle it (error.event ' +
        'holds the verified event), and update the package to get its type.',
      { event: unknown },
    )
  }
  throw new WebhookSignatureError(
    'malformed-body',
    'The signature is valid, but the body is not a Smartpay event this version understands:\n' +
      `${v.summarize(result.issues)}\nIf Smartpay has changed a field, update ` +
      '@smartpay-kit/server-client. The body is authentic, so it is safe to read yourself.',
    { cause: result.issues },
  )
}

/**
 * The event, when `json` is shaped like one (an object with `eventData.type`) but names a type
 * that is not in the list: the `event` field wins, as in the schema.
 */
function unknownType(json: unknown): UnknownWebhookEvent | undefined {
  const event = json as { event?: unknown; eventData?: { type?: unknown } } | null
  const type = event?.event ?? event?.eventData?.type
  if (typeof event?.eventData?.type !== 'string' || typeof type !== 'string') return undefined
  return isEventType(type) ? undefined : { ...(event as UnknownWebhookEvent), type }
}
