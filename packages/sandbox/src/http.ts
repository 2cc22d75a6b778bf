import type { IncomingMessage, ServerResponse } from 'node:http'
import type { StoredResponse } from './idempotency.js'

/** A response before it is written, so faults and idempotency can replace or keep it. */
export type Reply = StoredResponse

/** Reads the whole request body as UTF-8. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** A JSON reply (`body: undefined` gives an empty body, as for 204). */
export function jsonReply(
  status: number,
  body?: unknown,
  headers: Record<string, string> = {},
): Reply {
  if (body === undefined) return { status, headers, body: '' }
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  }
}

/** An HTML reply. */
export function htmlReply(
  status: number,
  html: string,
  headers: Record<string, string> = {},
): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: html }
}

/** A redirect to `location`. */
export function redirectReply(status: number, location: string): Reply {
  return { status, headers: { location }, body: '' }
}

/** Writes a reply unless the socket is already gone. */
export function send(res: ServerResponse, reply: Reply, extra: Record<string, string> = {}): void {
  if (res.destroyed || res.headersSent) return
  const headers = {
    ...reply.headers,
    ...extra,
    'content-length': String(Buffer.byteLength(reply.body)),
  }
  res.writeHead(reply.status, headers).end(reply.body)
}

/** The request header as one string (first value if repeated). */
export function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()]
  return Array.isArray(value) ? value[0] : value
}
