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
