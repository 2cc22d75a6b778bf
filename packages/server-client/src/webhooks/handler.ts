import { isWebhookVerificationError } from './errors.js'
import type { WebhookEventType } from './event.js'
import { readRequestBody } from './request.js'
import { createMemorySeenEventStore, type SeenEventStore } from './seenEvents.js'
import type {
  UnderstoodWebhookEvent,
  UnrecognizedWebhookEvent,
  VerifiedWebhookEvent,
} from './understand.js'
import { resolveMaxBodyBytes, type VerifyWebhookRequestOptions, verifyWebhook } from './verify.js'

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
 *   signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET!,
 *   on: { 'order.authorized': async (event) => fulfil(event.eventData.data.id) },
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
   * Hears why a delivery got a 500: your code threw, or the secret could not be had. Smartpay
   * then delivers the event again.
   * @default logs with console.error
   */
  onError?: ((error: unknown, context: WebhookErrorContext) => void) | undefined
}

/** What {@link WebhookHandlerOptions.onError} gets besides the error. */
export interface WebhookErrorContext extends WebhookHandlerContext {
  /** The event, when the delivery was verified before the failure. */
  event?: VerifiedWebhookEvent | undefined
}

/** A Fetch handler: `Request` in, `Response` out. */
export type WebhookHandler = (request: Request) => Promise<Response>

// Smartpay's retry schedule is not published; Stripe retries for 3 days. Within this time a
// retry of an event already handled gets its 200 without running your code again.
const HANDLED_TTL_MS = 72 * 60 * 60 * 1000

/**
 * A webhook endpoint as a Fetch handler (`Request` in, `Response` out), for Hono, Next.js route
 * handlers, Cloudflare Workers, Deno and Bun. It verifies each delivery, runs your function for
 * its type, and answers what Smartpay needs:
 * - 200 when your function returned, for a type you do not act on, and for an event already
 *   handled (a retry whose 200 got lost: your code does not run twice);
 * - 400 with `{ error: reason }` for a refused delivery (bad signature, too old, a replay…);
 * - 500 when your function throws or the secret cannot be had, so Smartpay delivers it again.
 * @example
 * // app/api/webhooks/smartpay/route.ts (Next.js)
 * export const POST = createWebhookHandler({
 *   signingSecret: process.env.SMARTPAY_WEBHOOK_SECRET!,
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
  // Check options now, not at the first delivery.
  const maxBodyBytes = resolveMaxBodyBytes(options.maxBodyBytes)
  const seenEvents: SeenEventStore | false =
    options.seenEvents ?? (options.toleranceMs === false ? false : createMemorySeenEventStore())
  const verify = { ...options, seenEvents, maxBodyBytes }
  // Event id → its handling, while it runs: a duplicate arriving meanwhile waits for it instead
  // of running your code a second time.
  const running = new Map<string, Promise<Answer>>()

  async function run(event: VerifiedWebhookEvent, request: Request): Promise<Answer> {
    const context = { request }
    const type = event.understood ? event.type : event.eventType
    const own = type === undefined ? undefined : on[type as WebhookEventType]
    if (event.understood) {
      if (!own) return [200, { received: true, handled: false }]
      await (own as (e: VerifiedWebhookEvent, c: WebhookHandlerContext) => unknown)(event, context)
    } else if (unrecognized) {
      await unrecognized(event, context)
    } else if (own) {
      onError(notUnderstood(event), { ...context, event })
      return [500, { error: 'not-understood' }]
    } else {
      return [200, { received: true, handled: false }]
    }
    // Only now: had your code thrown, Smartpay's retry must run it again.
    if (seenEvents && event.id !== undefined) {
      await seenEvents.markSeen(event.id, HANDLED_TTL_MS)
    }
    return [200, { received: true }]
  }

  return async function handleWebhook(request: Request): Promise<Response> {
    if (request.method !== 'POST') {
      return json(405, { error: 'method-not-allowed' }, { allow: 'POST' })
    }
    let event: VerifiedWebhookEvent
    try {
      const body = await readRequestBody(request, maxBodyBytes)
      event = await verifyWebhook({ ...verify, body, headers: request.headers })
    } catch (error) {
      if (isWebhookVerificationError(error) && error.reason !== 'malformed-secret') {
        return json(400, { error: error.reason, message: error.message })
      }
      onError(error, { request })
      return json(500, { error: 'not-verified' })
    }
    const id = event.id
    try {
      if (id !== undefined && seenEvents && (await seenEvents.seen(id))) {
        return json(200, { received: true, duplicate: true })
      }
      // Running now (also checked after the store answered, which may take a while): wait for
      // it. Its failure is reported once, by the delivery that ran it.
      const earlier = id === undefined ? undefined : running.get(id)
      if (earlier) return json(...(await earlier.catch((): Answer => [500, HANDLER_FAILED])))
      const handling = run(event, request)
      if (id !== undefined) running.set(id, handling)
      try {
        return json(...(await handling))
      } finally {
        if (id !== undefined) running.delete(id)
      }
    } catch (error) {
      onError(error, { request, event })
      return json(500, HANDLER_FAILED)
    }
  }
}

const HANDLER_FAILED = { error: 'handler-failed' }

/** A status and a JSON body. */
type Answer = [status: number, body: object]

function json(status: number, body: object, headers: Record<string, string> = {}): Response {
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
  console.error(`Smartpay webhook: answered 500${what}; Smartpay will deliver it again.`, error)
}
