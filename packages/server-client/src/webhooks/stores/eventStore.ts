/**
 * What {@link WebhookEventStore.claim} answers: `claimed` (the caller now runs the event),
 * `handled` (it ran to the end before: run nothing) or `busy` (someone else holds a live claim).
 */
export type WebhookClaim = 'claimed' | 'handled' | 'busy'

/**
 * Where webhook handlers agree who runs an event, so that its effect happens once even when
 * Smartpay delivers it again, to another server, while it is still running. Every method must
 * be atomic across all the servers that share the store; each may answer at once or async.
 *
 * A key is an event id exactly as the signed body has it (`evt_…`), or `delivery:<signature>`
 * for the replay check of a delivery. Any prefix is the store's business.
 *
 * A claim is held by this store object (its owner token), for `leaseMs`: the handler extends it
 * while your code runs, so a claim outlives its lease only when its process died or stalled.
 * @example
 * import { redisEventStore } from '@smartpay-kit/server-client/webhooks/redis'
 * createWebhookHandler({ signingSecret, on, store: redisEventStore(redis) })
 */
export interface WebhookEventStore {
  /**
   * Claims `key` for `leaseMs` if no one holds it: `claimed`. A key completed earlier answers
   * `handled`; a key under someone's live claim answers `busy`; an expired claim is taken over.
   */
  claim(key: string, leaseMs: number): WebhookClaim | Promise<WebhookClaim>
  /**
   * Extends this owner's claim on `key` to `leaseMs` from now. False when the claim is no longer
   * this owner's (it expired, and maybe someone else claimed the key since).
   */
  extend(key: string, leaseMs: number): boolean | Promise<boolean>
  /**
   * Marks `key` handled for `ttlMs`, whoever held it: the effect happened. Within that time a
   * claim answers `handled`.
   */
  complete(key: string, ttlMs: number): void | Promise<void>
  /** Drops this owner's claim on `key`, so the next delivery runs it; someone else's stays. */
  release(key: string): void | Promise<void>
}
