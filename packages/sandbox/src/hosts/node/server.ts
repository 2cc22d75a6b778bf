import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { jsonReply, type Reply } from '../../api/reply.js'
import { createEngine, type Engine } from '../../engine/engine.js'
import type { Sandbox, SandboxOptions } from '../../engine/sandbox.js'
import { postWebhook } from './postWebhook.js'
import { createCertificate } from './tls.js'

/** Writes a reply unless the socket is already gone. */
function send(res: ServerResponse, reply: Reply, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return
  const length = String(Buffer.byteLength(reply.body))
  res
    .writeHead(reply.status, { ...reply.headers, ...extra, 'content-length': length })
    .end(reply.body)
}

/**
 * What the engine reads from a node request: the body, a header view, and a signal that aborts
 * when the connection closes before the answer (for hang faults). No Fetch `Request` is built:
 * the HTTPS server is the hot path of load tests, and the engine needs only these.
 */
async function incoming(req: IncomingMessage, res: ServerResponse, origin: string) {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  let aborter: AbortController | undefined
  // Made on first use (only a hang fault waits on it), so plain requests pay nothing for it.
  const signal = () => {
    if (aborter) return aborter.signal
    const controller = new AbortController()
    aborter = controller
    if (res.destroyed) controller.abort(new Error('the client closed the connection'))
    res.on('close', () => {
      if (!res.writableFinished) controller.abort(new Error('the client closed the connection'))
    })
    return controller.signal
  }
  const headers = {
    get(name: string): string | null {
      const value = req.headers[name.toLowerCase()]
      return (Array.isArray(value) ? value.join(', ') : value) ?? null
    },
  }
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: new URL(req.url ?? '/', origin),
    headers,
    raw: Buffer.concat(chunks).toString('utf8'),
    get signal() {
      return signal()
    },
  }
}

/** Serves node requests through the engine: the HTTPS server is only an adapter. */
async function serveNode(
  engine: Engine,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const served = await engine.serve(await incoming(req, res, origin))
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
