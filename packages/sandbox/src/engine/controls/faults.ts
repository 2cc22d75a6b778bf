import { htmlReply, jsonReply, type Reply, redirectReply } from '../../api/reply.js'

/** Which requests a fault applies to; absent fields match anything (except preflights). */
export interface FaultMatch {
  /** e.g. `'POST'`. */
  method?: string
  /** Exact path (`/v1/orders` or `/orders`), a prefix ending in `*`, or a RegExp on the path. */
  path?: string | RegExp
}

/** What the faulty response looks like. */
export type FaultKind =
  /** Answer with this status (+ body and headers), e.g. 429 with `Retry-After`. */
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  /** Wait `ms`, then answer normally, or never answer with `hang: true` (a client timeout). */
  | { kind: 'delay'; ms: number; hang?: boolean }
  /** Destroy the socket without a response. */
  | { kind: 'drop' }
  /** 200 with truncated JSON (`'json'`) or an HTML 502 from a "proxy" (`'html'`). */
  | { kind: 'malformed'; variant?: 'json' | 'html' }
  /** A 3xx whose `Location` is an http:// URL (default: this path over plain http). */
  | { kind: 'redirect'; status?: number; location?: string }

/**
 * A fault for the next `times` matching `/v1` requests. By default the request is not
 * processed (nothing is created); `after: true` processes it first and then fails the response.
 */
export type Fault = FaultKind &
  FaultMatch & {
    /** @default 1 */
    times?: number
    /** Process the request, then fail the response. @default false */
    after?: boolean
  }

/** A queued fault with its remaining uses. */
interface Pending {
  fault: Fault
  left: number
}

const matches = (fault: FaultMatch, method: string, path: string): boolean => {
  if (fault.method ? fault.method.toUpperCase() !== method : method === 'OPTIONS') return false
  const { path: wanted } = fault
  if (wanted === undefined) return true
  if (wanted instanceof RegExp) return wanted.test(path)
  const candidates = [path, path.replace(/^\/v1(?=\/)/, '')]
  if (wanted.endsWith('*')) return candidates.some((p) => p.startsWith(wanted.slice(0, -1)))
  return candidates.some((p) => p.replace(/\/$/, '') === wanted.replace(/\/$/, ''))
}

/** The queue of injected faults; the first match wins and uses up one of its `times`. */
export class FaultQueue {
  readonly #pending: Pending[] = []

  /** Adds a fault. */
  add(fault: Fault): void {
    const times = fault.times ?? 1
    if (!Number.isInteger(times) || times < 1) throw new TypeError('times must be an integer ≥ 1')
    this.#pending.push({ fault, left: times })
  }

  /** Takes one use of the first fault matching this request, if any. */
  take(method: string, path: string): Fault | undefined {
    const index = this.#pending.findIndex((p) => matches(p.fault, method, path))
    const found = this.#pending[index]
    if (!found) return undefined
    found.left -= 1
    if (found.left === 0) this.#pending.splice(index, 1)
    return found.fault
  }

  /** Faults not used up yet, with their remaining uses. */
  list(): (Fault & { remaining: number })[] {
    return this.#pending.map((p) => ({ ...p.fault, remaining: p.left }))
  }

  /** Removes every fault. */
  clear(): void {
    this.#pending.length = 0
  }
}

/** Checks a fault that came in over HTTP as JSON; returns a message when it is not usable. */
export function faultProblem(input: unknown): string | undefined {
  if (typeof input !== 'object' || input === null) return 'a fault must be an object'
  const f = input as Record<string, unknown>
  const number = (key: string) => typeof f[key] === 'number'
  switch (f.kind) {
    case 'status':
      return number('status') ? undefined : 'status faults need a numeric status'
    case 'delay':
      return number('ms') ? undefined : 'delay faults need ms'
    case 'drop':
    case 'malformed':
    case 'redirect':
      return undefined
    default:
      return 'kind must be one of: status, delay, drop, malformed, redirect'
  }
}

/** The reply a status, malformed or redirect fault sends; `fallbackLocation` for redirects. */
export function faultReply(fault: Fault, fallbackLocation: string): Reply | 'drop' {
  switch (fault.kind) {
    case 'status': {
      const headers = { ...fault.headers }
      if (typeof fault.body === 'string') return { status: fault.status, headers, body: fault.body }
      const body = fault.body ?? {
        statusCode: fault.status,
        errorCode: 'sandbox.injected-fault',
        message: `Injected fault: HTTP ${fault.status}.`,
        details: [],
      }
      return jsonReply(fault.status, body, headers)
    }
    case 'malformed':
      return fault.variant === 'html'
        ? htmlReply(
            502,
            '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
          )
        : {
            status: 200,
            headers: { 'content-type': 'application/json' },
            body: '{"id":"order_test_',
          }
    case 'redirect':
      return redirectReply(fault.status ?? 302, fault.location ?? fallbackLocation)
    default:
      return 'drop'
  }
}
