import type { Redactor } from '../errors/redact.js'
import type { SmartpayError } from '../errors/SmartpayError.js'
import { type Hooks, type RequestEvent, TRACING_CHANNEL, type TraceContext } from './hooks.js'
import type { ApiResult } from './ApiPromise.js'
import type { OnAttempt, Send, Wire } from './wire.js'

interface TracingChannel {
  readonly hasSubscribers: boolean
  tracePromise<T>(fn: () => Promise<T>, context: object): Promise<T>
}

/** Found once per process: a client made per request or per merchant does not make it again. */
let found: { channel: TracingChannel | undefined } | undefined

/**
 * Node's tracing channel, where the runtime has one (Node, Deno, Bun), found at
 * run time so core imports nothing of Node; `undefined` elsewhere (Workers, browsers).
 */
function tracingChannel(): TracingChannel | undefined {
  if (found) return found.channel
  const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } })
    .process
  const dc = process?.getBuiltinModule?.('node:diagnostics_channel') as
    | { tracingChannel?: (name: string) => TracingChannel }
    | undefined
  found = { channel: dc?.tracingChannel?.(TRACING_CHANNEL) }
  return found.channel
}

/**
 * Wraps the full transport's `send` with the client's hooks and the tracing channel, and gives
 * connect the per-attempt callback they need; `redact` is the transport's (for logged bodies).
 * The read-only transport never loads this.
 */
export function observe(
  hooks: Hooks | undefined,
  logBodies: boolean | undefined,
  redact: Redactor,
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
    logBodies && value !== undefined ? redact(JSON.stringify(value)) : undefined

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

  const wrap = (send: Send): Send => {
    const traced: Send = (wire) =>
      channel?.hasSubscribers ? metaOnly(channel, () => send(wire), wire) : send(wire)
    // Without hooks a call keeps no state here, and where no channel can be subscribed to
    // (Workers) it is sent as it is.
    if (!hooks) return channel ? traced : send
    return async (wire) => {
      started.set(wire, { at: performance.now(), attempt: 1 })
      try {
        const result = await traced(wire)
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
  }

  return { onAttempt, wrap }
}

/**
 * `send` traced on `channel`, whose subscribers get what the call resolves to as `{ meta }`:
 * metadata, never a body.
 */
async function metaOnly(
  channel: TracingChannel,
  send: () => Promise<ApiResult<unknown>>,
  { method, path, idempotencyKey }: Wire,
): Promise<ApiResult<unknown>> {
  let result: ApiResult<unknown> | undefined
  await channel.tracePromise(
    async () => {
      result = await send()
      return { meta: result.meta }
    },
    { method, path, idempotencyKey } satisfies TraceContext,
  )
  return result as ApiResult<unknown>
}
