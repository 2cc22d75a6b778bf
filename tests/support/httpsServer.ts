import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { testCertificate } from './tls'
import { trustingFetch } from './trustingFetch'

/** A request as the server saw it. */
export interface RecordedRequest {
  method: string
  /** Path without the query. */
  path: string
  /** The request target as it came on the request line: path and query, not decoded. */
  target: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
  /** The body parsed as JSON, or undefined. */
  json: unknown
  /** Settles when the response is done or its connection is closed (say, by a client giving up). */
  closed: Promise<void>
}

/** How to answer one request. */
export interface Reply {
  status?: number
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown
  /** Sent as is (set `headers` for its type). */
  text?: string
  headers?: Record<string, string>
  /** Wait this long before answering. */
  delayMs?: number
  /** Destroy the connection without answering. */
  drop?: boolean
  /** Send the status, the headers and half the body, then nothing more (until `close`). */
  stallBody?: boolean
}

type Handler = (request: RecordedRequest) => Reply | Promise<Reply>

/** A local HTTPS server on 127.0.0.1 that records requests and answers from a script. */
export interface TestServer {
  /** `https://127.0.0.1:PORT` */
  origin: string
  /** `${origin}/v1`, a base URL for clients. */
  baseUrl: string
  ca: string
  /** A fetch that trusts this server's certificate. */
  fetch: typeof fetch
  requests: RecordedRequest[]
  /** Answers the next requests in order with these replies (then falls back to the handler). */
  queue(...replies: Reply[]): void
  /** Sets the fallback handler. Default: 200 with `{}`. */
  handle(handler: Handler): void
  /** Forgets recorded requests and queued replies, and restores the default handler. */
  reset(): void
  close(): Promise<void>
}

/** Starts a {@link TestServer} on an ephemeral port. */
export async function startTestServer(handler?: Handler): Promise<TestServer> {
  const { key, cert } = await testCertificate()
  const requests: RecordedRequest[] = []
  const queued: Reply[] = []
  const initial: Handler = handler ?? (() => ({ json: {} }))
  let fallback = initial
  const sockets = new Set<Socket>()

  const server = createServer({ key, cert }, async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    let json: unknown
    try {
      json = body ? JSON.parse(body) : undefined
    } catch {
      json = undefined
    }
    const closed = new Promise<void>((resolve) => res.once('close', resolve))
    const recorded: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      target: req.url ?? '/',
      query: url.searchParams,
      headers: req.headers,
      body,
      json,
      closed,
    }
    requests.push(recorded)
    const reply = queued.shift() ?? (await fallback(recorded))
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs))
    if (reply.drop) {
      req.socket.destroy()
      return
    }
    const headers: Record<string, string> = { ...reply.headers }
    let payload = ''
    if (reply.json !== undefined) {
      payload = JSON.stringify(reply.json)
      headers['content-type'] ??= 'application/json'
    } else if (reply.text !== undefined) {
      payload = reply.text
    }
    if (res.destroyed) return
    res.writeHead(reply.status ?? 200, headers)
    if (reply.stallBody) {
      res.flushHeaders()
      res.write(payload.slice(0, payload.length >> 1))
    } else {
      res.end(payload)
    }
  })
  server.on('connection', (socket: Socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const origin = `https://127.0.0.1:${port}`
  return {
    origin,
    baseUrl: `${origin}/v1`,
    ca: cert,
    fetch: trustingFetch(cert),
    requests,
    queue: (...replies) => void queued.push(...replies),
    handle: (next) => {
      fallback = next
    },
    reset: () => {
      requests.length = 0
      queued.length = 0
      fallback = initial
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
