import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { handleApi } from './api.js'
import {
  authorizeCheckout,
  type CheckoutOutcome,
  cancelCheckout,
  runCheckoutAction,
} from './checkout-actions.js'
import { checkoutPage } from './checkout-page.js'
import { handleControl } from './control.js'
import { WebhookDispatcher } from './dispatcher.js'
import { FaultQueue, faultReply } from './faults.js'
import { header, jsonReply, type Reply, readBody, send } from './http.js'
import { IdempotencyCache } from './idempotency.js'
import { newRequestId } from './ids.js'
import { API_ROUTES } from './resources/index.js'
import { Router } from './router.js'
import type { RequestLogEntry, Sandbox, SandboxOptions } from './sandbox.js'
import { Store } from './store.js'
import { createCertificate } from './tls.js'

/** Starts the sandbox: an HTTPS server on 127.0.0.1 with the API under `/v1`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { key, cert, ca } = options.tls
    ? { ...options.tls, ca: options.tls.ca ?? options.tls.cert }
    : await createCertificate()
  const store = new Store()
  const dispatcher = new WebhookDispatcher(store, options.webhookRetry)
  const faults = new FaultQueue()
  const idempotency = new IdempotencyCache()
  const router = new Router(API_ROUTES)
  const keys = options.keys ? new Set(options.keys) : undefined
  const sockets = new Set<Socket>()
  const reset = () => {
    store.clear()
    idempotency.clear()
    dispatcher.clear()
    faults.clear()
  }
  let origin = ''

  const serve = async (req: IncomingMessage, res: ServerResponse) => {
    const started = Date.now()
    const requestId = newRequestId()
    const url = new URL(req.url ?? '/', origin)
    const method = req.method ?? 'GET'
    const raw = await readBody(req)
    const log = (status: RequestLogEntry['status'], extra: Partial<RequestLogEntry> = {}) =>
      options.onRequest?.({
        requestId,
        method,
        path: url.pathname,
        status,
        ms: Date.now() - started,
        ...extra,
      })
    const key = header(req, 'idempotency-key')
    const common: Record<string, string> = {
      'request-id': requestId,
      ...(key ? { 'idempotency-key': key } : {}),
    }
    const finish = (reply: Reply, extra: Partial<RequestLogEntry> = {}) => {
      send(res, reply, common)
      log(reply.status, extra)
    }

    if (url.pathname === '/v1' || url.pathname.startsWith('/v1/')) {
      const fault = faults.take(method, url.pathname)
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.ms))
      if (fault?.kind === 'delay' && fault.hang === true) return log('hung', { fault: 'delay' })
      const failNow = fault && fault.kind !== 'delay' && !fault.after
      const outcome = failNow
        ? undefined
        : await handleApi({ store, router, idempotency, dispatcher, origin, keys }, req, url, raw)
      const facts = {
        ...(outcome?.mode ? { mode: outcome.mode } : {}),
        ...(outcome?.replayed ? { replayed: true } : {}),
      }
      if (fault && fault.kind !== 'delay') {
        const reply = faultReply(fault, `http://127.0.0.1:${url.port}${url.pathname}${url.search}`)
        if (reply === 'drop') {
          req.socket.destroy()
          return log('dropped', { ...facts, fault: fault.kind })
        }
        return finish(reply, { ...facts, fault: fault.kind })
      }
      return finish(
        outcome?.reply ?? jsonReply(500, {}),
        fault ? { ...facts, fault: fault.kind } : facts,
      )
    }
    if (url.pathname.startsWith('/checkout/'))
      return finish(checkoutPage(store, dispatcher, req, url, raw))
    if (url.pathname.startsWith('/__sandbox/'))
      return finish(handleControl({ store, dispatcher, faults, ca, reset }, method, url, raw))
    return finish(
      jsonReply(404, {
        statusCode: 404,
        errorCode: 'request.not-found',
        message: 'The API is under /v1.',
        details: [],
      }),
    )
  }

  const server = createServer({ key, cert }, (req, res) => {
    serve(req, res).catch((error: Error) => {
      send(
        res,
        jsonReply(500, {
          statusCode: 500,
          errorCode: 'internal.error',
          message: error.message,
          details: [],
        }),
      )
    })
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo
  origin = `https://127.0.0.1:${port}`
  const act = (id: string, fn: Parameters<typeof runCheckoutAction<CheckoutOutcome>>[3]) =>
    runCheckoutAction(store, dispatcher, id, fn)

  return {
    url: origin,
    apiUrl: `${origin}/v1`,
    port,
    ca,
    objects: (kind, mode = 'test') => structuredClone(store.all(mode, kind)),
    events: (mode) => dispatcher.events(mode),
    deliveries: () => dispatcher.deliveries(),
    settled: () => dispatcher.settled(),
    inject: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    authorize: (id, opts = {}) =>
      act(id, (scope, s) => authorizeCheckout(scope, s, opts.promotionCode)),
    cancel: (id) => act(id, cancelCheckout),
    reset,
    stop: () =>
      new Promise<void>((resolve) => {
        dispatcher.stop()
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
