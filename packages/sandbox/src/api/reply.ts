import type { StoredResponse } from './idempotency.js'

/** A response before it is written, so faults and idempotency can replace or keep it. */
export type Reply = StoredResponse

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

/** A Fetch `Response` for a reply (no body for 204 and 304, as Fetch requires). */
export function toResponse(reply: Reply, extra: Record<string, string> = {}): Response {
  const empty = reply.status === 204 || reply.status === 304 || reply.status === 205
  return new Response(empty ? null : reply.body, {
    status: reply.status,
    headers: { ...reply.headers, ...extra },
  })
}
