import type { EventType } from '../domain/events.js'

/** One try at delivering an event. */
export interface DeliveryAttempt {
  at: number
  /** The HTTP status the receiver answered, if it answered. */
  status?: number
  error?: string
}

/** An event on its way to one endpoint, with every attempt so far. */
export interface Delivery {
  eventId: string
  event: EventType
  endpointId: string
  /** The endpoint's URL. */
  url: string
  /** Where the delivery is sent: `url`, or its `forwardTo` mapping. Absent when undeliverable. */
  target?: string
  /** The exact body sent (and signed). */
  body: string
  /**
   * `undeliverable`: the endpoint is off this machine and nothing maps it (`forwardTo`), so
   * the sandbox recorded it and sent nothing.
   */
  state: 'pending' | 'delivered' | 'failed' | 'undeliverable'
  attempts: DeliveryAttempt[]
}

/**
 * Retry schedule: attempt n waits `baseMs * 2^(n-2)` after attempt n-1.
 * @example
 * await startSandbox({ webhookRetry: { baseMs: 50, maxAttempts: 3 } })
 */
export interface WebhookRetryOptions {
  /** @default 500 */
  baseMs?: number
  /** @default 8 */
  maxAttempts?: number
  /** Per-attempt timeout. @default 5000 */
  timeoutMs?: number
}

/** Whether a URL points at this machine; the sandbox never delivers anywhere else. */
export function isLoopbackUrl(url: string): boolean {
  try {
    const { hostname, protocol } = new URL(url)
    if (protocol !== 'http:' && protocol !== 'https:') return false
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
  } catch {
    return false
  }
}

/**
 * POSTs one delivery; resolves with the receiver's status once its answer has been read,
 * rejects on a network error. It must stop (and reject) when `signal` aborts: the dispatcher
 * aborts it when the attempt's time is up.
 */
export type WebhookPoster = (
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
) => Promise<number>

/** One attempt at a delivery and how it ended, as the CLI logs it. */
export interface DeliveryLogEntry {
  eventId: string
  event: EventType
  endpointId: string
  /** Where it was sent. */
  target: string
  /** 1 for the first attempt. */
  attempt: number
  /** The receiver's status, if it answered in time. */
  status?: number
  /** Why there is no status: a network error, or `no answer within <timeoutMs> ms`. */
  error?: string
  ms: number
  /** When the next attempt goes, if there is one. */
  retryInMs?: number
}

/**
 * Where deliveries go instead of the endpoint's URL: one local URL for every delivery that
 * would leave the machine, or a map from endpoint URL to local URL.
 * @example
 * forwardTo: 'http://127.0.0.1:3000/webhooks'
 * forwardTo: { 'https://shop.example/webhooks': 'http://127.0.0.1:3000/webhooks' }
 */
export type ForwardTo = string | Readonly<Record<string, string>>

/** Throws a TypeError unless every target of `forwardTo` is an http(s) URL on this machine. */
export function checkForwardTo(forwardTo: ForwardTo | undefined): void {
  if (forwardTo === undefined) return
  const targets = typeof forwardTo === 'string' ? [forwardTo] : Object.values(forwardTo)
  for (const target of targets)
    if (typeof target !== 'string' || !isLoopbackUrl(target))
      throw new TypeError(
        `forwardTo must name http(s) URLs on 127.0.0.1 or localhost (the sandbox never sends anything off this machine); got ${JSON.stringify(target)}.`,
      )
}
