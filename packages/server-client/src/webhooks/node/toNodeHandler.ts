/// <reference types="node" />
// The adapter's types come from @types/node, which any Node app has; nothing else here needs it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebhookHandler } from '../handler.js'

/**
 * A Node `http` request listener, also an Express handler (it takes `next` and passes errors to
 * it). It resolves once the response is sent.
 */
export type NodeWebhookListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => Promise<void>

/**
 * Runs a `createWebhookHandler` handler in Node's `http` server or in Express. It hands the
 * handler the raw bytes: it reads the body stream itself, or takes the Buffer `express.raw()`
 * left. When a body parser such as `express.json()` got there first, the raw bytes are gone;
 * it then answers 500 (so Smartpay delivers the event again once fixed) and reports an error that
 * says how to mount the route.
 * @example
 * import express from 'express'
 * import { createWebhookHandler } from '@smartpay-kit/server-client/webhooks'
 * import { toNodeHandler } from '@smartpay-kit/server-client/webhooks/node'
 *
 * const app = express()
 * // Before app.use(express.json()), or json() parses the body first.
 * app.post('/webhooks/smartpay', toNodeHandler(createWebhookHandler({ signingSecret, on })))
 * app.use(express.json())
 */
export function toNodeHandler(handler: WebhookHandler): NodeWebhookListener {
  return async function smartpayWebhook(req, res, next) {
    let response: Response
    try {
      response = await handler(toRequest(req))
    } catch (error) {
      if (next) return next(error)
      console.error(error)
      response = new Response(JSON.stringify({ error: 'body-unavailable' }), {
        status: 500,
        headers: { 'content-type': 'application/json' },
      })
    }
    res.statusCode = response.status
    response.headers.forEach((value, name) => {
      res.setHeader(name, value)
    })
    res.end(new Uint8Array(await response.arrayBuffer()))
  }
}

/** What Express and body-parser leave on a request. */
type ParsedRequest = IncomingMessage & { body?: unknown; _body?: boolean; originalUrl?: string }

/** The Node request as a Fetch `Request` whose body is the raw bytes, as they came. */
function toRequest(req: ParsedRequest): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue // HTTP/2 pseudo-headers
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const method = req.method ?? 'POST'
  const init: RequestInit & { duplex?: 'half' } = { method, headers }
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = rawBody(req)
    init.duplex = 'half' // a stream body, required by Node's fetch
  }
  return new Request(urlOf(req), init)
}

function rawBody(req: ParsedRequest): BodyInit {
  const parsed = req.body
  // express.raw() (a Buffer) and express.text() (a string) keep the bytes; nothing else does.
  if (parsed instanceof Uint8Array) return new Uint8Array(parsed)
  if (typeof parsed === 'string') return parsed
  // body-parser 1 sets req.body = {} on every request, parsed or not; `_body` marks a parse.
  if (req._body === true || req.readableEnded) {
    const by = parsed === undefined ? 'something' : 'a body parser (express.json()?)'
    throw new Error(
      `The webhook request body was already read by ${by} before the Smartpay webhook ` +
        'handler, so its raw bytes are gone and the signature cannot be checked. Mount the ' +
        "handler before app.use(express.json()), or give its route express.raw({ type: '*/*' }): " +
        "app.post('/webhooks/smartpay', express.raw({ type: '*/*', limit: '256kb' }), toNodeHandler(handler)).",
    )
  }
  return streamOf(req)
}

/** The request body as a stream; cancelling it discards the rest instead of reading it in. */
function streamOf(req: IncomingMessage): ReadableStream<Uint8Array> {
  let open = true
  return new ReadableStream<Uint8Array>({
    start(c) {
      req.on('data', (chunk: Uint8Array) => {
        if (!open) return
        c.enqueue(new Uint8Array(chunk)) // a copy: Node may reuse a chunk's memory
        if ((c.desiredSize ?? 0) <= 0) req.pause()
      })
      req.once('end', () => {
        if (open) c.close()
        open = false
      })
      req.once('error', (error) => {
        if (open) c.error(error)
        open = false
      })
    },
    pull() {
      req.resume()
    },
    cancel() {
      // Leave the rest unread: Node discards it, or closes the connection, after the response.
      open = false
      req.resume()
    },
  })
}

function urlOf(req: ParsedRequest): string {
  const path = req.originalUrl ?? req.url ?? '/'
  try {
    return new URL(path, `http://${req.headers.host ?? 'localhost'}`).href
  } catch {
    return new URL(path, 'http://localhost').href
  }
}
