import type { EventType, WebhookEvent } from '../domain/events.js'
import { type Mode, newId } from '../domain/ids.js'
import type { BaseObject } from '../domain/objects.js'
import type { Store } from '../domain/store.js'
import {
  type Delivery,
  type DeliveryLogEntry,
  type ForwardTo,
  isLoopbackUrl,
  type WebhookPoster,
  type WebhookRetryOptions,
} from './delivery.js'
import { signDelivery } from './signing.js'

const EVENT_VERSION = '2022-02-18'

/** How a dispatcher sends deliveries. */
export interface DispatcherOptions {
  retry?: WebhookRetryOptions | undefined
  /** Sends one POST. */
  post: WebhookPoster
  /** Local targets for endpoints off this machine. */
  forwardTo?: ForwardTo | undefined
  /**
   * Every target is deliverable (an in-process handler receives the deliveries, so nothing
   * can leave the machine); otherwise only loopback targets are.
   */
  anyTarget?: boolean
  /** Hears each attempt and how it ended (the CLI prints these). */
  onDelivery?: ((entry: DeliveryLogEntry) => void) | undefined
}

/**
 * Turns emitted events into signed deliveries to every active, subscribed endpoint of the
 * event's mode, retrying with exponential backoff until a 200 or `maxAttempts`.
 */
export class WebhookDispatcher {
  readonly #store: Store
  readonly #retry: Required<WebhookRetryOptions>
  readonly #post: WebhookPoster
  readonly #forwardTo: ForwardTo | undefined
  readonly #anyTarget: boolean
  readonly #onDelivery: ((entry: DeliveryLogEntry) => void) | undefined
  readonly #events: { mode: Mode; event: WebhookEvent }[] = []
  readonly #deliveries: Delivery[] = []
  readonly #timers = new Set<ReturnType<typeof setTimeout>>()
  readonly #inFlight = new Set<Promise<void>>()
  #stopped = false
  /** Bumped by `clear()` so retries of forgotten deliveries stop. */
  #generation = 0

  constructor(store: Store, options: DispatcherOptions) {
    this.#store = store
    this.#retry = { baseMs: 500, maxAttempts: 8, timeoutMs: 5000, ...options.retry }
    this.#post = options.post
    this.#forwardTo = options.forwardTo
    this.#anyTarget = options.anyTarget ?? false
    this.#onDelivery = options.onDelivery
  }

  /** Where a delivery to `url` goes, or `undefined` when it would have to leave the machine. */
  target(url: string): string | undefined {
    const forward = this.#forwardTo
    const mapped = typeof forward === 'string' || forward === undefined ? undefined : forward[url]
    if (mapped !== undefined) return mapped
    if (isLoopbackUrl(url)) return url
    if (typeof forward === 'string') return forward
    return this.#anyTarget ? url : undefined
  }

  /** Records an event and starts delivering it. */
  emit(mode: Mode, type: EventType, data: BaseObject, now: number): WebhookEvent {
    const event: WebhookEvent = {
      id: newId('event', mode),
      object: 'event',
      createdAt: now,
      test: mode === 'test',
      event: type,
      eventData: { type, version: EVENT_VERSION, data: structuredClone(data) },
    }
    this.#events.push({ mode, event })
    const body = JSON.stringify(event)
    for (const endpoint of this.#store.all(mode, 'webhookEndpoint')) {
      const subscribed =
        endpoint.eventSubscriptions.length === 0 || endpoint.eventSubscriptions.includes(type)
      if (!endpoint.active || !subscribed) continue
      const target = this.target(endpoint.url)
      const delivery: Delivery = {
        eventId: event.id,
        event: type,
        endpointId: endpoint.id,
        url: endpoint.url,
        ...(target === undefined ? {} : { target }),
        body,
        state: target === undefined ? 'undeliverable' : 'pending',
        attempts: [],
      }
      this.#deliveries.push(delivery)
      if (target !== undefined) this.#track(this.#attempt(mode, delivery, this.#generation))
    }
    return event
  }

  /** Every event emitted, oldest first (optionally of one mode). */
  events(mode?: Mode): WebhookEvent[] {
    return this.#events.filter((e) => !mode || e.mode === mode).map((e) => structuredClone(e.event))
  }

  /** A snapshot of every delivery, oldest first. */
  deliveries(): Delivery[] {
    return structuredClone(this.#deliveries)
  }

  /** Resolves once no delivery is pending (each has succeeded or used up its attempts). */
  async settled(): Promise<void> {
    while (this.#inFlight.size > 0 || this.#timers.size > 0) {
      await Promise.all(this.#inFlight)
      if (this.#timers.size > 0) await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  /** Forgets events and deliveries and cancels pending retries. */
  clear(): void {
    for (const timer of this.#timers) clearTimeout(timer)
    this.#timers.clear()
    this.#generation++
    this.#events.length = 0
    this.#deliveries.length = 0
  }

  /** Cancels pending retries for good. */
  stop(): void {
    this.#stopped = true
    for (const delivery of this.#deliveries)
      if (delivery.state === 'pending') delivery.state = 'failed'
    this.clear()
  }

  #track(work: Promise<void>): void {
    this.#inFlight.add(work)
    void work.finally(() => this.#inFlight.delete(work))
  }

  async #attempt(mode: Mode, delivery: Delivery, generation: number): Promise<void> {
    const endpoint = this.#store.get(mode, 'webhookEndpoint', delivery.endpointId)
    const current = !this.#stopped && generation === this.#generation
    const target = delivery.target
    // Checked again before every attempt: nothing may leave the machine.
    const allowed = target !== undefined && (this.#anyTarget || isLoopbackUrl(target))
    if (!current || !endpoint || !allowed) {
      delivery.state = 'failed'
      return
    }
    // The real clock, not the sandbox's: receivers check the timestamp against their own.
    const timestamp = String(Date.now())
    const headers = {
      'content-type': 'application/json',
      'smartpay-signature': await signDelivery(endpoint.signingSecret, timestamp, delivery.body),
      'smartpay-signature-timestamp': timestamp,
      'smartpay-subscription-id': endpoint.id,
      'smartpay-event-id': delivery.eventId,
      'user-agent': 'smartpay-sandbox',
    }
    const started = Date.now()
    let status: number | undefined
    let error: string | undefined
    try {
      status = await postWithin(this.#post, target, delivery.body, headers, this.#retry.timeoutMs)
      delivery.attempts.push({ at: Number(timestamp), status })
    } catch (failure) {
      error = (failure as Error).message
      delivery.attempts.push({ at: Number(timestamp), error })
    }
    const n = delivery.attempts.length
    const retry =
      status !== 200 &&
      n < this.#retry.maxAttempts &&
      !this.#stopped &&
      generation === this.#generation
    const retryInMs = this.#retry.baseMs * 2 ** (n - 1)
    this.#onDelivery?.({
      eventId: delivery.eventId,
      event: delivery.event,
      endpointId: delivery.endpointId,
      target,
      attempt: n,
      ...(status === undefined ? {} : { status }),
      ...(error === undefined ? {} : { error }),
      ms: Date.now() - started,
      ...(retry ? { retryInMs } : {}),
    })
    if (status === 200) {
      delivery.state = 'delivered'
      return
    }
    if (!retry) {
      delivery.state = 'failed'
      return
    }
    const timer = setTimeout(() => {
      this.#timers.delete(timer)
      this.#track(this.#attempt(mode, delivery, generation))
    }, retryInMs)
    this.#timers.add(timer)
  }
}

/**
 * One attempt with a deadline on all of it (connecting, waiting for the answer, reading it),
 * kept by a timer of its own: a socket's idle timeout misses a receiver that trickles bytes,
 * and a poster may ignore its signal (an in-process handler does).
 */
async function postWithin(
  post: WebhookPoster,
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  const controller = new AbortController()
  let timer: ReturnType<typeof setTimeout> | undefined
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`no answer within ${timeoutMs} ms`)
      controller.abort(error)
      reject(error)
    }, timeoutMs)
  })
  try {
    return await Promise.race([post(url, body, headers, controller.signal), expired])
  } finally {
    clearTimeout(timer)
  }
}
