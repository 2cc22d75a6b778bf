import { jsonReply, type Reply } from '../../api/reply.js'
import {
  authorizeCheckout,
  type CheckoutDeps,
  cancelCheckout,
  rejectCheckout,
  runCheckoutAction,
} from '../../checkout/actions.js'
import { ApiError } from '../../domain/errors.js'
import { EVENT_TYPES, type EventType, type WebhookEvent } from '../../domain/events.js'
import type { Mode } from '../../domain/ids.js'
import { OBJECT_KINDS, type ObjectKind } from '../../domain/objects.js'
import { type Fault, type FaultQueue, faultProblem } from './faults.js'

/** What the control routes reach into. */
export interface ControlDeps extends CheckoutDeps {
  faults: FaultQueue
  /** Absent in-process (there is no certificate). */
  ca?: string
  reset(): void
  /** Emits a realistic event of `type` in `mode` (what `sandbox.trigger()` does). */
  trigger(type: EventType, options: { mode: Mode }): WebhookEvent
}

const parse = (raw: string): Record<string, unknown> | unknown[] => {
  if (raw.trim() === '') return {}
  try {
    return JSON.parse(raw) as Record<string, unknown>
  } catch {
    throw new ApiError(400, 'request.malformed', 'The request body is not valid JSON.')
  }
}

/**
 * Serves the test helpers under `/__sandbox` (once `guardControl` let the request in): shopper actions
 * (`POST /checkout/{id}/authorize|cancel|reject`), `GET /deliveries`, `GET /events`,
 * `GET|POST|DELETE /faults`, `GET /objects/{kind}?mode=`, `GET|POST /clock`,
 * `POST /trigger`, `POST /reset`, `GET /ca.pem`.
 */
export function handleControl(deps: ControlDeps, method: string, url: URL, raw: string): Reply {
  const parts = url.pathname.split('/').slice(2)
  const route = `${method} ${parts[0] ?? ''}`
  try {
    if (method === 'POST' && parts[0] === 'checkout' && parts.length === 3) {
      const id = decodeURIComponent(parts[1] ?? '')
      const body = parse(raw) as { promotionCode?: unknown }
      const code = typeof body.promotionCode === 'string' ? body.promotionCode : undefined
      const outcome = runCheckoutAction(deps, id, (scope, session) => {
        if (parts[2] === 'authorize') return authorizeCheckout(scope, session, code)
        if (parts[2] === 'cancel') return cancelCheckout(scope, session)
        if (parts[2] === 'reject') return rejectCheckout(scope, session)
        throw new ApiError(404, 'request.not-found', 'Use authorize, cancel or reject.')
      })
      return jsonReply(200, outcome)
    }
    switch (route) {
      case 'GET deliveries':
        return jsonReply(200, { data: deps.dispatcher.deliveries() })
      case 'GET events':
        return jsonReply(200, { data: deps.dispatcher.events(modeParam(url)) })
      case 'GET faults':
        return jsonReply(200, { data: deps.faults.list() })
      case 'DELETE faults':
        deps.faults.clear()
        return jsonReply(200, { data: [] })
      case 'POST faults': {
        const body = parse(raw)
        const faults = Array.isArray(body) ? body : [body]
        for (const fault of faults) {
          const problem = faultProblem(fault)
          if (problem) throw new ApiError(400, 'request.invalid', problem)
        }
        for (const fault of faults) deps.faults.add(fault as Fault)
        return jsonReply(200, { data: deps.faults.list() })
      }
      case 'GET objects': {
        const kind = parts[1] as ObjectKind
        if (!OBJECT_KINDS.includes(kind))
          throw new ApiError(404, 'request.not-found', `Kinds: ${OBJECT_KINDS.join(', ')}.`)
        return jsonReply(200, { data: deps.store.all(modeParam(url) ?? 'test', kind) })
      }
      case 'GET clock':
        return jsonReply(200, clockState(deps))
      case 'POST clock': {
        const body = parse(raw) as { advanceMs?: unknown; time?: unknown; reset?: unknown }
        if (body.reset === true) deps.clock.reset()
        else if (typeof body.advanceMs === 'number') deps.clock.advance(body.advanceMs)
        else if (typeof body.time === 'number' || typeof body.time === 'string')
          deps.clock.setTime(typeof body.time === 'string' ? new Date(body.time) : body.time)
        else
          throw new ApiError(
            400,
            'request.invalid',
            'Send { "advanceMs": n }, { "time": ms or ISO date } or { "reset": true }.',
          )
        return jsonReply(200, clockState(deps))
      }
      case 'POST trigger': {
        const body = parse(raw) as { event?: unknown; mode?: unknown }
        const type = body.event as EventType
        if (!EVENT_TYPES.includes(type))
          throw new ApiError(
            400,
            'request.invalid',
            `event must be one of: ${EVENT_TYPES.join(', ')}.`,
          )
        const mode = body.mode === 'live' ? 'live' : 'test'
        const event = deps.trigger(type, { mode })
        const deliveries = deps.dispatcher.deliveries().filter((d) => d.eventId === event.id)
        return jsonReply(200, { event, deliveries })
      }
      case 'POST reset':
        deps.reset()
        return jsonReply(200, { reset: true })
      case 'GET ca.pem':
        if (deps.ca === undefined)
          throw new ApiError(404, 'request.not-found', 'An in-process sandbox has no certificate.')
        return { status: 200, headers: { 'content-type': 'application/x-pem-file' }, body: deps.ca }
      default:
        throw new ApiError(404, 'request.not-found', `No sandbox helper ${method} ${url.pathname}.`)
    }
  } catch (error) {
    if (error instanceof ApiError) return jsonReply(error.statusCode, error.toBody())
    if (error instanceof TypeError)
      return jsonReply(400, new ApiError(400, 'request.invalid', error.message).toBody())
    throw error
  }
}

function clockState({ clock }: Pick<ControlDeps, 'clock'>) {
  const now = clock.now()
  return { now, iso: new Date(now).toISOString() }
}

function modeParam(url: URL): Mode | undefined {
  const mode = url.searchParams.get('mode')
  return mode === 'test' || mode === 'live' ? mode : undefined
}
