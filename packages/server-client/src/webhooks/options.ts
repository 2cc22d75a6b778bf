import { readHeader, WEBHOOK_HEADERS, type WebhookHeaders } from './headers.js'
import { refuse } from './refusals.js'
import { decodeSecret, signingKey } from './signature.js'
import type { WebhookEventStore } from './stores/eventStore.js'
import { memoryEventStore } from './stores/memoryEventStore.js'

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
  /**
   * See {@link WebhookSigningSecret}. `undefined` (an unset `SMARTPAY_WEBHOOK_SECRET`) throws a
   * `malformed-secret` error that says so: for a handler, when it is created.
   */
  signingSecret: WebhookSigningSecret | undefined
  /**
   * Largest accepted distance, in ms, between `Smartpay-Signature-Timestamp` and this server's
   * clock, either way. `false` turns the check off, e.g. to verify stored deliveries in tests,
   * and with it the replay check unless a `store` is given.
   * @default 300_000 (5 minutes)
   */
  toleranceMs?: number | false | undefined
  /**
   * Where deliveries (for the replay check) and, in a handler, events are claimed: give one
   * shared store (Redis, PostgreSQL, D1) when several servers receive, so each event runs once.
   * `false` turns both checks off.
   * @default a store in this process's memory: the handler's own, or for verification alone
   * one the whole process shares (see {@link memoryEventStore})
   */
  store?: WebhookEventStore | false | undefined
  /**
   * Largest accepted body, in bytes: a larger one is refused as `body-too-large` before any
   * signature is computed. Smartpay's events weigh a few kB.
   * @default 262_144 (256 KiB)
   */
  maxBodyBytes?: number | undefined
}

/** The options, checked and with their defaults, as each delivery's checks read them. */
export interface ResolvedWebhookOptions {
  /** The keys to try for a delivery with these headers: one per secret. */
  keys(headers: WebhookHeaders): Promise<readonly Promise<CryptoKey>[]>
  toleranceMs: number | false
  maxBodyBytes: number
  /** Claims events (in a handler) and, when `replays`, deliveries. */
  store: WebhookEventStore | undefined
  /** Whether a delivery seen before is refused. */
  replays: boolean
}

/** Who owns the default store: a handler its own, a verification call the process's. */
export type StoreOwner = 'handler' | 'call'

const DEFAULT_TOLERANCE_MS = 300_000
// The sandbox's events weigh 0.4–2.4 kB (order.authorized with 50 line items, the most a
// session takes, is 2.4 kB; the official SDK's payment.created is 0.4 kB). 256 KiB leaves a
// hundredfold room for expanded objects and still refuses large bodies before any HMAC.
const DEFAULT_MAX_BODY_BYTES = 262_144

// Created on first use, so that importing this module allocates nothing.
let processStore: WebhookEventStore | undefined

/**
 * Checks the options once and fills in the defaults. The one rule for the default store: a
 * handler owns a memory store, because an event id is not unique to an endpoint (Smartpay sends
 * an event to every subscribed endpoint under one id) and two handlers must each run it;
 * verification alone shares the process's, since its keys are signatures, unique to an endpoint.
 */
export function resolveOptions(
  options: VerifyWebhookRequestOptions,
  owner: StoreOwner,
): ResolvedWebhookOptions {
  const toleranceMs = resolveTolerance(options.toleranceMs)
  const given = options.store
  const store = given === false ? undefined : (given ?? defaultStore(owner))
  return {
    keys: resolveKeys(options.signingSecret),
    toleranceMs,
    maxBodyBytes: resolveMaxBodyBytes(options.maxBodyBytes),
    store,
    // Without the timestamp check a replay may come at any time, which no bounded store covers.
    replays: store !== undefined && (given !== undefined || toleranceMs !== false),
  }
}

function defaultStore(owner: StoreOwner): WebhookEventStore {
  if (owner === 'handler') return memoryEventStore()
  processStore ??= memoryEventStore()
  return processStore
}

function resolveMaxBodyBytes(max: number | undefined): number {
  if (max === undefined) return DEFAULT_MAX_BODY_BYTES
  if (Number.isInteger(max) && max > 0) return max
  throw new TypeError(`maxBodyBytes must be a whole number of bytes ≥ 1; got ${max}.`)
}

function resolveTolerance(tolerance: number | false | undefined): number | false {
  if (tolerance === undefined) return DEFAULT_TOLERANCE_MS
  if (tolerance === false || tolerance >= 0) return tolerance
  throw new TypeError(
    `toleranceMs must be a number of milliseconds ≥ 0, or false to skip the check; got ${tolerance}.`,
  )
}

/** Given secrets are checked now; a function's answer, for each delivery. */
function resolveKeys(signingSecret: WebhookSigningSecret | undefined) {
  if (typeof signingSecret !== 'function') {
    const secrets = checkSecrets(signingSecret)
    return async () => secrets.map(signingKey)
  }
  return async (headers: WebhookHeaders) => {
    const subscriptionId = readHeader(headers, WEBHOOK_HEADERS.subscriptionId)
    if (subscriptionId === undefined) {
      throw refuse('missing-header', {
        header: WEBHOOK_HEADERS.subscriptionId,
        forSecretFunction: true,
      })
    }
    const found = await signingSecret(subscriptionId)
    // Nothing for this id is the lookup's way to say "not one of our endpoints": a refusal, not
    // a configuration error (anyone can send any id).
    if (found === undefined || (Array.isArray(found) && found.length === 0)) {
      throw refuse('unknown-endpoint', { subscriptionId })
    }
    return checkSecrets(found).map(signingKey)
  }
}

function checkSecrets(secret: unknown): readonly string[] {
  const list: unknown[] = Array.isArray(secret) ? secret : [secret]
  if (list.length === 0) {
    throw refuse('malformed-secret', { problem: 'the list of secrets is empty; pass at least one' })
  }
  for (const each of list) decodeSecret(each)
  return list as string[]
}
