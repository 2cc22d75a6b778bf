import { frameworkBuild } from '../env.js'
import { isWebhookVerificationError } from './errors.js'
import type { WebhookEventType } from './event.js'
import {
  type ResolvedWebhookOptions,
  resolveOptions,
  type VerifyWebhookRequestOptions,
} from './options.js'
import { readRequestBody } from './request.js'
import { type RunOutcome, runOnce } from './runOnce.js'
import type {
  UnderstoodWebhookEvent,
  UnrecognizedWebhookEvent,
  VerifiedWebhookEvent,
} from './understand.js'
import { verifyDelivery } from './verify.js'

/** What a callback of {@link createWebhookHandler} gets besides the event. */
export interface WebhookHandlerContext {
  /** The delivery as received; its body is already read. */
  request: Request
}

/** One async function per event type you act on; each gets that type's event, narrowed. */
export type WebhookEventHandlers = {
  [T in WebhookEventType]?: (
    event: Extract<UnderstoodWebhookEvent, { type: T }>,
    context: WebhookHandlerContext,
  ) => unknown
}

/**
 * Options of {@link createWebhookHandler}: the verification options plus what to do with events.
 * @example
 * createWebhookHandler({
 *   signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
 *   on: { 'order.authorized': async (event) => fulfil(event.eventData.data.id) },
 *   store: redisEventStore(redis),
 * })
 */
export interface WebhookHandlerOptions extends VerifyWebhookRequestOptions {
  /** Your code, by event type. A type with no function here is acknowledged with a 200. */
  on: WebhookEventHandlers
  /**
   * Your code for an authentic event this version does not understand (a type Smartpay added
   * later, a field that changed). Without it, such an event is acknowledged with a 200, unless
   * `on` has a function for its type: then it is answered 500 (and reported to `onError`), so
   * that Smartpay delivers it again once you handle it, rather than it being dropped.
   */
  unrecognized?:
    | ((event: UnrecognizedWebhookEvent, context: WebhookHandlerContext) => unknown)
    | undefined
  /**
   * How long an event's claim lasts without being extended. It is extended every third of this
   * while your code runs, so your code may take longer; it only bounds how soon another server
   * runs an event whose process died mid-run. Keep it above the longest pause your process can
   * have (a stalled event loop cannot extend) and below Smartpay's retry interval.
   * @default 30_000 (30 seconds)
   */
  leaseMs?: number | undefined
  /**
   * Hears why a delivery got a 500 (your code threw, the secret could not be had, the store
   * failed) and store trouble that did not change the answer. Smartpay delivers a 500 again.
   * @default logs with console.error
   */
  onError?: WebhookErrorHandler | undefined
}

type WebhookErrorHandler = (error: unknown, context: WebhookErrorContext) => void

/** What {@link WebhookHandlerOptions.onError} gets besides the error. */
export interface WebhookErrorContext extends WebhookHandlerContext {
  /** The event, when the delivery was verified before the failure. */
  event?: VerifiedWebhookEvent | undefined
}

/** A Fetch handler: `Request` in, `Response` out. */
export type WebhookHandler = (request: Request) => Promise<Response>

const DEFAULT_LEASE_MS = 30_000

/** A status and a JSON body. */
type Answer = [status: number, body: object]

const ANSWERS: Record<RunOutcome, Answer> = {
  ran: [200, { received: true }],
  handled: [200, { received: true, duplicate: true }],
  // Any answer but 200 makes Smartpay deliver it again, by when the other run has ended.
  busy: [409, { error: 'in-progress' }],
}
const IGNORED: Answer = [200, { received: true, handled: false }]
const HANDLER_FAILED: Answer = [500, { error: 'handler-failed' }]

/**
 * A webhook endpoint as a Fetch handler (`Request` in, `Response` out), for Hono, Next.js route
 * handlers, Cloudflare Workers, Deno and Bun. It verifies each delivery, claims its event in the
 * `store`, runs your function for its type, and answers what Smartpay needs:
 * - 200 when your function returned, for a type you do not act on, and for an event already
 *   handled (a retry whose 200 got lost: your code does not run twice);
 * - 409 for an event still running (on this server or another sharing the store): Smartpay
 *   retries, and gets the 200 once that run ends;
 * - 400 with `{ error: reason }` for a refused delivery (bad signature, too old, a replay…);
 * - 500 when your function throws or the secret cannot be had, so Smartpay delivers it again.
 * Throws at once when the options are wrong, e.g. `signingSecret` is unset; only while a
 * framework build imports the module (`NEXT_PHASE=phase-production-build`, SvelteKit's analysis)
 * is a handler without a secret made, which answers every delivery 500 and reports why.
 * @example
 * // app/api/webhooks/smartpay/route.ts (Next.js)
 * export const POST = createWebhookHandler({
 *   signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET,
 *   on: {
 *     'order.authorized': async (event) => {
 *       const order = await smartpay.orders.retrieve(event.eventData.data.id)
 *       if (order.status === 'requires_capture') await capture(order)
 *     },
 *   },
 * })
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { on, unrecognized, onError = logError } = options
  // Checked now, not at the first delivery: except an unset secret while a framework build
  // imports this module (the secret is the deployed server's), which each delivery then reports.
  let resolved: ResolvedWebhookOptions
  try {
    resolved = resolveOptions(options, 'handler')
  } catch (error) {
    if (!isWebhookVerificationError(error) || !unset(options.signingSecret)) throw error
    if (frameworkBuild() === undefined) throw error
    resolveLeaseMs(options.leaseMs)
    return unconfigured(error, onError)
  }
  const leaseMs = resolveLeaseMs(options.leaseMs)

  /** Your function for this event, or the answer when there is none to run. */
  function workFor(event: VerifiedWebhookEvent, context: WebhookHandlerContext) {
    const type = event.understood ? event.type : event.eventType
    const own = type === undefined ? undefined : on[type as WebhookEventType]
    if (event.understood) {
      if (!own) return IGNORED
      return async () =>
        (own as (e: VerifiedWebhookEvent, c: WebhookHandlerContext) => unknown)(event, context)
    }
    if (unrecognized) return async () => unrecognized(event, context)
    if (!own) return IGNORED
    onError(notUnderstood(event), { ...context, event })
    return [500, { error: 'not-understood' }] satisfies Answer
  }

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return json([405, { error: 'method-not-allowed' }], { allow: 'POST' })
    }
    let event: VerifiedWebhookEvent
    try {
      const body = await readRequestBody(request, resolved.maxBodyBytes)
      event = await verifyDelivery(resolved, body, request.headers)
    } catch (error) {
      if (isWebhookVerificationError(error) && error.reason !== 'malformed-secret') {
        return json([400, { error: error.reason, message: error.message }])
      }
      onError(error, { request })
      return json([500, { error: 'not-verified' }])
    }
    const context = { request, event }
    const work = workFor(event, { request })
    if (typeof work !== 'function') return json(work)
    try {
      const warn = (problem: unknown) => onError(problem, context)
      return json(ANSWERS[await runOnce(resolved.store, event.id, leaseMs, work, warn)])
    } catch (error) {
      onError(error, context)
      return json(HANDLER_FAILED)
    }
  }
}

const unset = (secret: unknown) => secret === undefined || secret === null || secret === ''

/** The handler made during a framework build without a secret: it verifies nothing. */
function unconfigured(error: unknown, onError: WebhookErrorHandler): WebhookHandler {
  return async (request) => {
    onError(error, { request })
    return json([500, { error: 'not-verified' }])
  }
}

function resolveLeaseMs(leaseMs: number | undefined): number {
  if (leaseMs === undefined) return DEFAULT_LEASE_MS
  if (Number.isSafeInteger(leaseMs) && leaseMs >= 30) return leaseMs
  throw new TypeError(`leaseMs must be a whole number of milliseconds ≥ 30; got ${leaseMs}.`)
}

function json([status, body]: Answer, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  })
}

function notUnderstood(event: UnrecognizedWebhookEvent): Error {
  return new Error(
    `A ${event.eventType} event (${event.id ?? 'no id'}) is authentic, but its body is not what ` +
      `this version of @smartpay-kit/server-client expects:\n${event.issues.join('\n')}\n` +
      'It was answered 500 so that Smartpay delivers it again. Pass `unrecognized` to ' +
      'createWebhookHandler to take such events yourself, or update the package.',
  )
}

function logError(error: unknown, context: WebhookErrorContext): void {
  const event = context.event
  const what = event ? ` for ${event.understood ? event.type : event.eventType} ${event.id}` : ''
  console.error(`Smartpay webhook${what}:`, error)
}
