import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo, Socket } from 'node:net'
import { jsonReply, type Reply } from '../../api/reply.js'
import { newRequestId } from '../../domain/ids.js'
import { createEngine, type Engine } from '../../engine/engine.js'
import { BodyTooLarge, tooLargeReply } from '../../engine/readBody.js'
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
async function incoming(req: IncomingMessage, res: ServerResponse, origin: string, limit: number) {
  const raw = await readNodeBody(req, limit)
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
    raw,
    get signal() {
      return signal()
    },
  }
}

/**
 * A node request's body, read chunk by chunk and never past `limit` bytes (nor at all when its
 * `content-length` says it is larger): past it, reading stops and {@link BodyTooLarge} is
 * thrown, so a 50 MB body costs the sandbox 1 MiB at most.
 */
function readNodeBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    if (Number(req.headers['content-length']) > limit) return reject(new BodyTooLarge(limit))
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      chunks.push(chunk)
      if (size <= limit) return
      req.off('data', onData)
      req.pause()
      reject(new BodyTooLarge(limit))
    }
    req.on('data', onData)
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.once('error', reject)
  })
}

/** Serves node requests through the engine: the HTTPS server is only an adapter. */
async function serveNode(
  engine: Engine,
  origin: string,
  req: IncomingMessage,
  res: ServerResponse,
) {
  let request: Awaited<ReturnType<typeof incoming>>
  try {
    request = await incoming(req, res, origin, engine.maxBodyBytes)
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error
    // What follows is read and dropped (closing on unread data would reset the connection
    // before the client reads the 413), up to 4 times the limit: past that, it is closed.
    let dropped = 0
    req.on('data', (chunk: Buffer) => {
      dropped += chunk.length
      if (dropped > 4 * error.limit) req.socket.destroy()
    })
    req.resume()
    return send(res, tooLargeReply(error.limit), { 'request-id': newRequestId() })
  }
  const served = await engine.serve(request)
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
