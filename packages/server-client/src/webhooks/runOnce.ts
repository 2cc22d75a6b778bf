import type { WebhookEventStore } from './stores/eventStore.js'

/** How a delivery's event went: run now, run before, or running elsewhere. */
export type RunOutcome = 'ran' | 'handled' | 'busy'

// Smartpay's retry schedule is not published; Stripe retries for 3 days. Within this time a
// retry of an event already handled gets its 200 without running your code again.
const HANDLED_TTL_MS = 72 * 60 * 60 * 1000

/**
 * Runs `work` for event `id` unless the store says it ran or is running elsewhere. The claim is
 * extended every third of `leaseMs` while `work` runs, so a slow run keeps it and only a dead
 * (or stalled) process loses it; completed once `work` returns, released if it throws so the
 * next delivery runs it. `warn` hears store trouble that does not change the answer.
 */
export async function runOnce(
  store: WebhookEventStore | undefined,
  id: string | undefined,
  leaseMs: number,
  work: () => Promise<unknown>,
  warn: (problem: unknown) => void,
): Promise<RunOutcome> {
  if (store === undefined || id === undefined) {
    await work()
    return 'ran'
  }
  const claim = await store.claim(id, leaseMs)
  if (claim !== 'claimed') return claim
  let lost = false
  let extending = false
  const timer = setInterval(async () => {
    if (extending || lost) return
    extending = true
    try {
      if (!(await store.extend(id, leaseMs))) {
        lost = true
        warn(lostLease(id, leaseMs))
      }
    } catch (error) {
      warn(error)
    } finally {
      extending = false
    }
  }, leaseMs / 3)
  try {
    await work()
  } catch (error) {
    clearInterval(timer)
    // Not when the claim is lost: the key may be someone else's claim by now.
    if (!lost)
      await Promise.resolve()
        .then(() => store.release(id))
        .catch(warn)
    throw error
  } finally {
    clearInterval(timer)
  }
  // The effect happened: if the store cannot record it, Smartpay must still hear 200, or its
  // retry would run the event again once the lease ran out.
  await Promise.resolve()
    .then(() => store.complete(id, HANDLED_TTL_MS))
    .catch(warn)
  return 'ran'
}

function lostLease(id: string, leaseMs: number): Error {
  return new Error(
    `Smartpay webhook: the claim on ${id} ran out while your code ran (its process stalled for ` +
      `longer than leaseMs, ${leaseMs} ms, between two extensions), so another server may run ` +
      'this event too. Raise leaseMs above the longest pause this process can have.',
  )
}
