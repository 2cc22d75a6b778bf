import { IdempotencyCache } from '../api/idempotency.js'
import { API_ROUTES } from '../api/resources/index.js'
import { Router } from '../api/router.js'
import { Clock } from '../domain/clock.js'
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
  const clock = new Clock()
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
    reset: () => {
      store.clear()
      idempotency.clear()
      dispatcher.clear()
      faults.clear()
      clock.reset()
    },
  }
}
