import { type ApiRequest, handleApi } from '../api/handleApi.js'
import { IdempotencyCache } from '../api/idempotency.js'
import { jsonReply, type Reply, toResponse } from '../api/reply.js'
import { API_ROUTES } from '../api/resources/index.js'
import { Router } from '../api/router.js'
import {
  authorizeCheckout,
  type CheckoutOutcome,
  cancelCheckout,
  runCheckoutAction,
} from '../checkout/actions.js'
import { checkoutPage } from '../checkout/page.js'
import { Clock } from '../domain/clock.js'
import { newRequestId } from '../domain/ids.js'
import { Store } from '../domain/store.js'
import { checkForwardTo, type WebhookPoster } from '../webhooks/delivery.js'
import { WebhookDispatcher } from '../webhooks/dispatcher.js'
import { handleControl } from './control.js'
import { FaultQueue, faultReply } from './faults.js'
import type { RequestLogEntry, SandboxCoreOptions, SandboxHandle } from './sandbox.js'
import { triggerEvent } from './trigger.js'

/**
 * What serving one request came to: a reply, or a dropped connection (a fault). A hang fault
 * never settles until the request's signal aborts; then `serve` rejects with its reason.
 */
export type Served =
  | { kind: 'reply'; reply: Reply; headers: Record<string, string> }
  | { kind: 'drop' }

/**
 * A request as the engine serves it: what a Fetch `Request` or a node request both provide
 * cheaply, with the body already read. `signal` aborts when the caller gives up.
 */
export interface Incoming extends ApiRequest {
  signal: AbortSignal
}

/** What the engine needs from the mode that hosts it (HTTPS server or in-process). */
export interface EngineOptions extends SandboxCoreOptions {
  /** Sends webhook deliveries. */
  post: WebhookPoster
  /** Every delivery target is acceptable (an in-process handler receives them). */
  anyTarget?: boolean
  /** The CA certificate, served at `/__sandbox/ca.pem` by the HTTPS server. */
  ca?: string
}

/** The sandbox without a transport: state, the request pipeline, and the test controls. */
export interface Engine {
  /** Sets the origin checkout URLs are built on (known once the server listens). */
  setOrigin(origin: string): void
  /** Serves one request; its `signal` ends a hang fault. */
  serve(request: Incoming): Promise<Served>
  /** The test controls (and `fetch`) a sandbox handle exposes, given its URL. */
  handle(): Omit<SandboxHandle, 'url' | 'apiUrl' | 'stop'>
  /** Ends webhook retries. */
  stop(): void
}

/** An error as the network layer of a fetch would raise it, for drop faults in-process. */
const dropped = () =>
  new TypeError('fetch failed: the sandbox dropped the connection (an injected drop fault)')

/** Resolves with the abort reason once `signal` aborts (never, if it never does). */
function aborted(signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.resolve(signal.reason)
  return new Promise((resolve) =>
    signal.addEventListener('abort', () => resolve(signal.reason), { once: true }),
  )
}

/** Builds a sandbox engine; both the HTTPS server and `createSandbox()` stand on one. */
export function createEngine(options: EngineOptions): Engine {
  checkForwardTo(options.forwardTo)
  const store = new Store()
  const clock = new Clock()
  const dispatcher = new WebhookDispatcher(store, {
    retry: options.webhookRetry,
    post: options.post,
    forwardTo: options.forwardTo,
    anyTarget: options.anyTarget ?? false,
  })
  const faults = new FaultQueue()
  const idempotency = new IdempotencyCache(() => clock.now())
  const router = new Router(API_ROUTES)
  const keys = options.keys ? new Set(options.keys) : undefined
  let origin = 'https://127.0.0.1'
  const reset = () => {
    store.clear()
    idempotency.clear()
    dispatcher.clear()
    faults.clear()
    clock.reset()
  }
  const checkout = { store, dispatcher, clock }
  const trigger: SandboxHandle['trigger'] = (type, opts = {}) =>
    triggerEvent({ store, dispatcher, clock, origin }, type, opts.mode ?? 'test')

  const serve = async (request: Incoming): Promise<Served> => {
    const started = Date.now()
    const requestId = newRequestId()
    const { url, method, raw } = request
    const log = (status: RequestLogEntry['status'], extra: Partial<RequestLogEntry> = {}) =>
      options.onRequest?.({
        requestId,
        method,
        path: url.pathname,
        status,
        ms: Date.now() - started,
        ...extra,
      })
    const key = request.headers.get('idempotency-key')
    const headers: Record<string, string> = {
      'request-id': requestId,
      ...(key ? { 'idempotency-key': key } : {}),
    }
    const finish = (reply: Reply, extra: Partial<RequestLogEntry> = {}): Served => {
      log(reply.status, extra)
      return { kind: 'reply', reply, headers }
    }

    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      const fault = faults.take(method, url.pathname)
      // A delay holds the answer but not the work: like a real server, it completes the
      // request even if the caller gave up. A hang never answers; it ends when the caller aborts.
      if (fault?.kind === 'delay' && fault.hang === true) {
        log('hung', { fault: 'delay' })
        throw await aborted(request.signal)
      }
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms))
      const failNow = fault && fault.kind !== 'delay' && !fault.after
      const outcome = failNow
        ? undefined
        : await handleApi({ store, router, idempotency, dispatcher, clock, origin, keys }, request)
      const facts = {
        ...(outcome?.mode ? { mode: outcome.mode } : {}),
        ...(outcome?.replayed ? { replayed: true } : {}),
      }
      if (fault && fault.kind !== 'delay') {
        const reply = faultReply(fault, `http://${url.host}${url.pathname}${url.search}`)
        if (reply === 'drop') {
          log('dropped', { ...facts, fault: fault.kind })
          return { kind: 'drop' }
        }
        return finish(reply, { ...facts, fault: fault.kind })
      }
      return finish(
        outcome?.reply ?? jsonReply(500, {}),
        fault ? { ...facts, fault: fault.kind } : facts,
      )
    }
    if (url.pathname.startsWith('/checkout/'))
      return finish(checkoutPage(checkout, method, url, raw))
    if (url.pathname.startsWith('/__sandbox/'))
      return finish(
        handleControl(
          { ...checkout, faults, reset, trigger, ...(options.ca ? { ca: options.ca } : {}) },
          method,
          url,
          raw,
        ),
      )
    return finish(
      jsonReply(404, {
        statusCode: 404,
        errorCode: 'request.not-found',
        message: 'The API is under /v1.',
        details: [],
      }),
    )
  }

  /** The sandbox as a Fetch function: drops reject like a network error, hangs wait for abort. */
  const fetchHandler = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const method = request.method.toUpperCase()
    const raw = method === 'GET' || method === 'HEAD' ? '' : await request.text()
    const incoming = { method, url: new URL(request.url), headers: request.headers, raw }
    // The caller's abort rejects its fetch at once, as a real one would; the work goes on.
    const served = await Promise.race([
      serve({ ...incoming, signal: request.signal }),
      aborted(request.signal).then((reason) => Promise.reject(reason)),
    ])
    if (served.kind === 'drop') throw dropped()
    const { status } = served.reply
    // A 3xx is answered as is (following it would leave the sandbox); `redirect: 'error'`
    // rejects, as fetch does.
    if (request.redirect === 'error' && status >= 300 && status < 400)
      throw new TypeError(`fetch failed: redirect (${status}) with redirect: 'error'`)
    return toResponse(served.reply, served.headers)
  }
  const act = (id: string, fn: Parameters<typeof runCheckoutAction<CheckoutOutcome>>[2]) =>
    runCheckoutAction(checkout, id, fn)

  return {
    setOrigin: (value) => {
      origin = value
    },
    serve,
    handle: () => ({
      fetch: fetchHandler,
      clock,
      objects: (kind, mode = 'test') => structuredClone(store.all(mode, kind)),
      events: (mode) => dispatcher.events(mode),
      deliveries: () => dispatcher.deliveries(),
      settled: () => dispatcher.settled(),
      inject: (fault) => faults.add(fault),
      clearFaults: () => faults.clear(),
      authorize: (id, opts = {}) =>
        act(id, (scope, s) => authorizeCheckout(scope, s, opts.promotionCode)),
      cancel: (id) => act(id, cancelCheckout),
      trigger,
      reset,
    }),
    stop: () => dispatcher.stop(),
  }
}
