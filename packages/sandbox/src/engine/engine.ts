import type { ApiRequest } from '../api/handleApi.js'
import { jsonReply, type Reply, toResponse } from '../api/reply.js'
import {
  authorizeCheckout,
  type CheckoutOutcome,
  cancelCheckout,
  runCheckoutAction,
} from '../checkout/actions.js'
import { checkoutPage } from '../checkout/page.js'
import { newRequestId } from '../domain/ids.js'
import type { WebhookPoster } from '../webhooks/delivery.js'
import { guardControl, newControlToken } from './controls/controlGuard.js'
import { handleControl } from './controls/handleControl.js'
import { triggerEvent } from './controls/trigger.js'
import { BodyTooLarge, MAX_BODY_BYTES, readBody, tooLargeReply } from './readBody.js'
import type { RequestLogEntry, SandboxCoreOptions, SandboxHandle } from './sandbox.js'
import { type Answer, serveApi } from './serveApi.js'
import { createState } from './state.js'

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
  /**
   * Checkout URLs go on the origin each API request came to, not the one set: the in-process
   * sandbox without an `origin`, which a Worker may serve under any URL.
   */
  originFromRequest?: boolean
}

/** The sandbox without a transport: state, the request pipeline, and the test controls. */
export interface Engine {
  /** The largest request body a host reads (past it, it answers {@link tooLargeReply}). */
  maxBodyBytes: number
  /** Sets the origin checkout URLs are built on (known once the server listens). */
  setOrigin(origin: string): void
  /** Serves one request; its `signal` ends a hang fault. */
  serve(request: Incoming): Promise<Served>
  /** The test controls (and `fetch`) a sandbox handle exposes, given its URL. */
  handle(): Omit<SandboxHandle, 'url' | 'apiUrl' | 'stop'>
  /** Ends webhook retries. */
  stop(): void
}

const NOT_FOUND = jsonReply(404, {
  statusCode: 404,
  errorCode: 'request.not-found',
  message: 'The API is under /v1.',
  details: [],
})

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
  const { controlToken = newControlToken(), maxBodyBytes = MAX_BODY_BYTES } = options
  if (!/^[\x21-\x7e]{16,}$/.test(controlToken))
    throw new TypeError('controlToken must be 16 or more printable ASCII characters, no spaces.')
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1)
    throw new TypeError('maxBodyBytes must be a whole number of bytes, 1 or more.')
  const state = createState(options)
  let origin = 'https://127.0.0.1'
  const trigger: SandboxHandle['trigger'] = (type, opts = {}) => {
    state.expireDue()
    return triggerEvent({ ...state, origin }, type, opts.mode ?? 'test')
  }

  /** `/v1` goes to the API (through any queued fault), then the hosted page, then the controls. */
  const route = async (request: Incoming): Promise<Answer> => {
    const { method, url, raw } = request
    const { pathname } = url
    if (pathname === '/v1' || pathname.startsWith('/v1/')) {
      const base = options.originFromRequest ? url.origin : origin
      return serveApi({ ...state, origin: base }, request)
    }
    if (pathname.startsWith('/checkout/'))
      return { reply: checkoutPage(state, method, url, raw), facts: {} }
    if (pathname.startsWith('/__sandbox/')) {
      const refused = guardControl(controlToken, request)
      if (refused) return { reply: refused, facts: {} }
      const deps = { ...state, trigger, ...(options.ca ? { ca: options.ca } : {}) }
      return { reply: handleControl(deps, method, url, raw), facts: {} }
    }
    return { reply: NOT_FOUND, facts: {} }
  }

  const serve = async (request: Incoming): Promise<Served> => {
    const started = Date.now()
    const requestId = newRequestId()
    const key = request.headers.get('idempotency-key')
    const headers: Record<string, string> = {
      'request-id': requestId,
      ...(key ? { 'idempotency-key': key } : {}),
    }
    // Time passes between requests too: an authorization may have lapsed since the last one.
    state.expireDue()
    const { reply, facts } = await route(request)
    const log = (status: RequestLogEntry['status']) =>
      options.onRequest?.({
        requestId,
        method: request.method,
        path: request.url.pathname,
        status,
        ms: Date.now() - started,
        ...facts,
      })
    if (reply === 'hang') {
      log('hung')
      throw await aborted(request.signal)
    }
    if (reply === 'drop') {
      log('dropped')
      return { kind: 'drop' }
    }
    log(reply.status)
    return { kind: 'reply', reply, headers }
  }

  /** The sandbox as a Fetch function: drops reject like a network error, hangs wait for abort. */
  const fetchHandler = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init)
    const method = request.method.toUpperCase()
    let raw: string
    try {
      raw = await readBody(request.body, maxBodyBytes)
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error
      return toResponse(tooLargeReply(maxBodyBytes), { 'request-id': newRequestId() })
    }
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
  const act = (id: string, fn: Parameters<typeof runCheckoutAction<CheckoutOutcome>>[2]) => {
    state.expireDue()
    return runCheckoutAction(state, id, fn)
  }
  const { store, clock, dispatcher, faults } = state

  return {
    maxBodyBytes,
    setOrigin: (value) => {
      origin = value
    },
    serve,
    handle: () => ({
      controlToken,
      fetch: fetchHandler,
      clock,
      objects: (kind, mode = 'test') => {
        state.expireDue()
        return structuredClone(store.all(mode, kind))
      },
      events: (mode) => dispatcher.events(mode),
      deliveries: () => dispatcher.deliveries(),
      settled: () => dispatcher.settled(),
      inject: (fault) => faults.add(fault),
      clearFaults: () => faults.clear(),
      authorize: (id, opts = {}) =>
        act(id, (scope, s) => authorizeCheckout(scope, s, opts.promotionCode)),
      cancel: (id) => act(id, cancelCheckout),
      trigger,
      reset: state.reset,
    }),
    stop: () => dispatcher.stop(),
  }
}
