import { IdempotencyCache } from '../api/idempotency.js'
import { API_ROUTES } from '../api/resources/index.js'
import { Router } from '../api/router.js'
import { Clock } from '../domain/clock.js'
import { AUTHORIZATION_TTL_MS, expireAuthorizations } from '../domain/lifecycle.js'
import { Store } from '../domain/store.js'
import { checkForwardTo } from '../webhooks/delivery.js'
import { type DispatcherOptions, WebhookDispatcher } from '../webhooks/dispatcher.js'
import { FaultQueue } from './controls/faults.js'
import type { SandboxCoreOptions } from './sandbox.js'

/** What one sandbox holds: its account, time, webhooks, faults and idempotency keys. */
export interface SandboxState {
  store: Store
  clock: Clock
  dispatcher: WebhookDispatcher
  faults: FaultQueue
  idempotency: IdempotencyCache
  router: Router
  /** Only these keys are accepted, when set. */
  keys: ReadonlySet<string> | undefined
  /**
   * Cancels the orders whose authorization has expired by now (`order.canceled` sent). Runs
   * whenever the clock moves and before each request; scans the store only when one is due.
   */
  expireDue(): void
  /** Empties the store, idempotency keys, events, deliveries and faults; resets the clock. */
  reset(): void
}

/** Builds a sandbox's state; throws a TypeError for a `forwardTo` off this machine. */
export function createState(
  options: Pick<SandboxCoreOptions, 'keys' | 'webhookRetry' | 'forwardTo' | 'onDelivery'> &
    Pick<DispatcherOptions, 'post' | 'anyTarget'>,
): SandboxState {
  checkForwardTo(options.forwardTo)
  const store = new Store()
  // When the next authorization expires, at the earliest: nothing is scanned before then. One
  // authorized after a scan expires no sooner than a full TTL after it.
  let nextExpiry = Number.NEGATIVE_INFINITY
  const expireDue = () => {
    const now = clock.now()
    if (now < nextExpiry) return
    nextExpiry = now + AUTHORIZATION_TTL_MS
    for (const mode of ['test', 'live'] as const) {
      const next = expireAuthorizations(store, mode, now, (order) =>
        dispatcher.emit(mode, 'order.canceled', order, order.expiresAt ?? now),
      )
      nextExpiry = Math.min(nextExpiry, next)
    }
  }
  const clock = new Clock(() => {
    nextExpiry = Number.NEGATIVE_INFINITY
    expireDue()
  })
  const dispatcher = new WebhookDispatcher(store, {
    retry: options.webhookRetry,
    post: options.post,
    forwardTo: options.forwardTo,
    anyTarget: options.anyTarget ?? false,
    onDelivery: options.onDelivery,
  })
  const faults = new FaultQueue()
  const idempotency = new IdempotencyCache(() => clock.now())
  return {
    store,
    clock,
    dispatcher,
    faults,
    idempotency,
    router: new Router(API_ROUTES),
    keys: options.keys ? new Set(options.keys) : undefined,
    expireDue,
    reset: () => {
      store.clear()
      idempotency.clear()
      dispatcher.clear()
      faults.clear()
      clock.reset()
    },
  }
}
