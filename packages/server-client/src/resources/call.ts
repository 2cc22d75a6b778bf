import { ApiPromise, type Transport } from '@smartpay-kit/core'
import { assertSameMode, type IdKind, pathId } from '../ids.js'

/**
 * Runs a method's own checks and its request. A check that throws becomes a rejected
 * {@link ApiPromise}, so every failure reaches `await`/`.catch()` the same way.
 */
export function checked<T>(run: () => ApiPromise<T>): ApiPromise<T> {
  try {
    return run()
  } catch (error) {
    return new ApiPromise<T>(Promise.reject(error))
  }
}

/** `id` checked for its kind and the transport's mode, URI-encoded for a path. */
export function idPath(transport: Transport, kind: IdKind, id: unknown): string {
  return pathId(kind, id, transport.mode, transport.keyFingerprint)
}

/** Refuses a body whose id `field` belongs to the other mode. */
export function sameModeId(transport: Transport, body: unknown, field: string): void {
  if (typeof body !== 'object' || body === null) return
  assertSameMode(
    transport.mode,
    (body as Record<string, unknown>)[field],
    field,
    transport.keyFingerprint,
  )
}
