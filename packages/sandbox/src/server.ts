import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { createEngine, type Engine } from './engine.js'
import { jsonReply, type Reply, replyHeaders } from './http.js'
import { postWebhook } from './post-node.js'
import type { Sandbox, SandboxOptions } from './sandbox.js'
import { createCertificate } from './tls.js'

/** Writes a reply unless the socket is already gone. */
function send(res: ServerResponse, reply: Reply, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return
  res.writeHead(reply.status, replyHeaders(reply, extra)).end(reply.body)
}

/** A Fetch `Request` for a node request, aborted when its connection closes early. */
async function toRequest(req: IncomingMessage, res: ServerResponse, origin: string) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers))
    for (const one of Array.isArray(value) ? value : [value ?? ''])
      if (!name.startsWith(':')) headers.append(name, one)
  const aborter = new AbortController()
  res.on('close', () => {
    if (!res.writableFinished) aborter.abort(new Error('the client closed the connection'))
  })
  const method = req.method ?? 'GET'
  const body =
    chunks.length > 0 && method !== 'GET' && method !== 'HEAD' ? Buffer.concat(chunks) : null
  return new Request(new URL(req.url ?? '/', origin), {
    method,
    headers,
    body,
    signal: aborter.signal,
  })
}

/** Serves node requests through the engine: the HTTPS server is only an adapter. */
async function serveNode(
  engine: Engine,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const served = await engine.serve(await toRequest(req, res, origin))
  if (served.kind === 'drop') req.socket.destroy()
  else send(res, served.reply, served.headers)
}

/** Starts the sandbox: an HTTPS server on 127.0.0.1 with the API under `/v1`. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const { key, cert, ca } = options.tls
    ? { ...options.tls, ca: options.tls.ca ?? options.tls.cert }
    : await createCertificate()
  const engine = createEngine({ ...options, post: postWebhook, ca })
  const sockets = new Set<Socket>()
  let origin = ''

  const server = createServer({ key, cert }, (req, res) => {
    serveNode(engine, origin, req, res).catch((error: Error) => {
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
  engine.setOrigin(origin)

  return {
    ...engine.handle(),
    url: origin,
    apiUrl: `${origin}/v1`,
    port,
    ca,
    stop: () =>
      new Promise<void>((resolve) => {
        engine.stop()
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}
