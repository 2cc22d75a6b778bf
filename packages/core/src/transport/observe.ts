import { redactKeys } from '../errors/redact.js'
import type { SmartpayError } from '../errors/SmartpayError.js'
import type { ApiResult } from './ApiPromise.js'
import type { Wire } from './connect.js'

/**
 * What a hook is told of a call. Never a key (the client's key is only ever shown as a
 * fingerprint, and key-shaped text in bodies is redacted); no body unless `logBodies` is on.
 */
export interface RequestEvent {
  method: string
  /** Path below the base URL, e.g. `/orders/order_test_…`. */
  path: string
  /** Which attempt this is (1 for the first), or how many were made, at the end of a call. */
  attempt: number
  /** The `Idempotency-Key` sent, for mutating calls (the same on every attempt). */
  idempotencyKey: string | undefined
  /** HTTP status: the answer's (response, error) or the failed attempt's (retry), if any. */
  status?: number | undefined
  /** The API's request id, when it sent one. */
  requestId?: string | undefined
  /** Milliseconds since the call started. */
  durationMs: number
  /** The failure: the call's (error) or the failed attempt's (retry). */
  error?: SmartpayError | undefined
  /** With `logBodies`: the JSON sent (request) or received (response), keys redacted. */
  body?: string | undefined
}

/**
 * Per-client hooks, the one place to plug a logger or metrics. A hook that throws is ignored:
 * it never changes the call's outcome.
 * @example hooks: { onResponse: (e) => log.info(`${e.method} ${e.path} ${e.status} ${e.durationMs}ms`) }
 */
export interface Hooks {
  /** Each attempt, as it is sent. */
  onRequest?: ((event: RequestEvent) => void) | undefined
  /** Before each attempt after the first, with the failed attempt's status and error. */
  onRetry?: ((event: RequestEvent) => void) | undefined
  /** The call succeeded. */
  onResponse?: ((event: RequestEvent) => void) | undefined
  /** The call failed, after its retries. */
  onError?: ((event: RequestEvent) => void) | undefined
}

/** The name of the `node:diagnostics_channel` tracing channel the server transport publishes on. */
export const TRACING_CHANNEL = 'smartpay:request'

/**
 * What a `smartpay:request` subscriber gets as the context of each call: the same fields as a
 * hook (no key, no body), and `result` (`{ data, meta }`) or `error` once the call settles.
 */
export interface TraceContext {
  method: string
  path: string
  idempotencyKey: string | undefined
  result?: ApiResult<unknown>
  error?: unknown
}

interface TracingChannel {
  readonly hasSubscribers: boolean
  tracePromise<T>(fn: () => Promise<T>, context: object): Promise<T>
}

type Send = (wire: Wire) => Promise<ApiResult<unknown>>
type OnAttempt = (wire: Wire, attempt: number, failed: SmartpayError | undefined) => void

/**
 * Node's tracing channel, where the runtime has one (Node ≥ 20.16 and 22.3, Deno, Bun), found at
 * run time so core imports nothing of Node; `undefined` elsewhere (Workers, browsers).
 */
function tracingChannel(): TracingChannel | undefined {
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process
  const dc = process?.getBuiltinModule?.('node:diagnostics_channel') as
    | { tracingChannel?: (name: string) => TracingChannel }
    | undefined
  return dc?.tracingChannel?.(TRACING_CHANNEL)
}

/**
 * Wraps the full transport's `send` with the client's hooks and the tracing channel, and gives
 * connect the per-attempt callback they need. The read-only transport never loads this.
 */
export function observe(
  hooks: Hooks | undefined,
  logBodies: boolean | undefined,
): { onAttempt: OnAttempt | undefined; wrap: (send: Send) => Send } {
  const channel = tracingChannel()
  const started = new WeakMap<Wire, { at: number; attempt: number }>()
  const tell = (hook: keyof Hooks, event: RequestEvent) => {
    try {
      hooks?.[hook]?.(event)
    } catch {
      // A logger's failure must not become the call's.
    }
  }
  const event = (wire: Wire, extra: Partial<RequestEvent>): RequestEvent => {
    const state = started.get(wire)
    return {
      method: wire.method,
      path: wire.path,
      idempotencyKey: wire.idempotencyKey,
      attempt: state?.attempt ?? 1,
      durationMs: Math.round(performance.now() - (state?.at ?? performance.now())),
      ...extra,
    }
  }
  const json = (value: unknown) =>
    logBodies && value !== undefined ? redactKeys(JSON.stringify(value)) : undefined

  const onAttempt: OnAttempt | undefined = hooks
    ? (wire, attempt, failed) => {
        const state = started.get(wire)
        if (state) state.attempt = attempt
        if (failed) {
          tell(
            'onRetry',
            event(wire, { status: failed.status, requestId: failed.requestId, error: failed }),
          )
        }
        tell('onRequest', event(wire, { body: json(wire.body) }))
      }
    : undefined

  const wrap =
    (send: Send): Send =>
    async (wire) => {
      started.set(wire, { at: performance.now(), attempt: 1 })
      const traced = () =>
        channel?.hasSubscribers
          ? channel.tracePromise(() => send(wire), {
              method: wire.method,
              path: wire.path,
              idempotencyKey: wire.idempotencyKey,
            } satisfies TraceContext)
          : send(wire)
      if (!hooks) return traced()
      try {
        const result = await traced()
        const { status, requestId, attempts } = result.meta
        tell(
          'onResponse',
          event(wire, { status, requestId, attempt: attempts, body: json(result.data) }),
        )
        return result
      } catch (error) {
        const failure = error as SmartpayError
        tell(
          'onError',
          event(wire, { status: failure.status, requestId: failure.requestId, error: failure }),
        )
        throw error
      }
    }

  return { onAttempt, wrap }
}
