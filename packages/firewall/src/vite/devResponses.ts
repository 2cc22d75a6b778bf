import type { IncomingMessage, ServerResponse } from 'node:http'
import { findSecretKey } from '../scan/findSecretKeys.js'

type Next = (error?: unknown) => void

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  }
  return Buffer.from(chunk as Uint8Array)
}

/**
 * Connect middleware for the dev server that holds back every response body until it is
 * complete, looks for a secret key in it (every encoding the build scan undoes), and sends a
 * 500 with `message(url, key)` instead when it finds one. It sees whatever the dev server
 * sends: transformed modules, `index.html`, `/@vite/env` (every `define`), files of
 * `public/`, assets, and anything other plugins or proxies answer. Event streams pass through.
 */
export function refuseKeysInResponses(
  message: (url: string, key: string) => string,
): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    if (req.method === 'HEAD' || req.headers.accept?.includes('text/event-stream')) return next()
    const chunks: Buffer[] = []
    const { write, end, writeHead } = res
    let head: Parameters<typeof writeHead> | undefined
    res.writeHead = ((...args: Parameters<typeof writeHead>) => {
      head = args
      return res
    }) as typeof writeHead
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      chunks.push(toBuffer(chunk, encoding))
      const done = typeof encoding === 'function' ? encoding : callback
      if (typeof done === 'function') queueMicrotask(() => done())
      return true
    }) as typeof write
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      if (chunk !== undefined && chunk !== null && typeof chunk !== 'function') {
        chunks.push(toBuffer(chunk, encoding))
      }
      Object.assign(res, { write, end, writeHead })
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function')
      const body = Buffer.concat(chunks)
      const key = body.length > 0 ? findSecretKey(req.url ?? '', body) : undefined
      if (!key) {
        if (head) res.writeHead(...head)
        return res.end(body, done as () => void)
      }
      const text = message(req.url ?? '', key)
      for (const name of res.getHeaderNames()) res.removeHeader(name)
      res.writeHead(500, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      })
      return res.end(text, done as () => void)
    }) as typeof end
    next()
  }
}
