import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import type { BaseObject } from './objects.js'

/** Every event type the API documents (the sandbox emits the ones that apply to it). */
export const EVENT_TYPES = [
  'order.authorized',
  'order.rejected',
  'order.canceled',
  'payment.created',
  'refund.created',
  'payout.generated',
  'payout.paid',
  'coupon.created',
  'coupon.updated',
  'promotion_code.created',
  'promotion_code.updated',
  'merchant_user.created',
  'merchant_user.password_reset',
  'token.created',
  'token.approved',
  'token.rejected',
  'token.deleted',
  'token.disabled',
  'token.enabled',
  'token.used',
] as const

/** A webhook event type such as `order.authorized`. */
export type EventType = (typeof EVENT_TYPES)[number]

/** The JSON an endpoint receives. */
export interface WebhookEvent {
  id: string
  object: 'event'
  createdAt: number
  test: boolean
  event: EventType
  eventData: { type: EventType; version: string; data: BaseObject }
}

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
  url: string
  /** The exact body sent (and signed). */
  body: string
  state: 'pending' | 'delivered' | 'failed'
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

/** POSTs one body; resolves with the status or rejects on a network error or timeout. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const target = new URL(url)
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    // Loopback only (checked before every attempt), so any certificate is accepted.
    const req = send(target, {
      method: 'POST',
      headers,
      rejectUnauthorized: false,
      timeout: timeoutMs,
    })
    req.on('response', (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)))
    req.on('error', reject)
    req.end(body)
  })
}
