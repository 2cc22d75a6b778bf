import type { IncomingMessage, ServerResponse } from 'node:http'
import { findSecretKey } from '../scan/findSecretKeys.js'

type Next = (error?: unknown) => void

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (typeof chunk === 'string') {
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
  }
  return Buffer.from(chunk as Uint8Array)
}

/** What an event stream keeps of what it sent, to find a key split across two writes. */
const OVERLAP = 4096

/**
 * The one byte range `header` asks for in a body of `size` bytes (`bytes=0-99`, `bytes=100-`,
 * `bytes=-100`), or undefined: several ranges, or none satisfiable, are answered whole (a
 * server may always ignore `Range`).
 */
function byteRange(header: string, size: number): [start: number, end: number] | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim())
  if (!match || (!match[1] && !match[2])) return undefined
  const [start, end] = match[1]
    ? [Number(match[1]), match[2] ? Math.min(Number(match[2]), size - 1) : size - 1]
    : [Math.max(0, size - Number(match[2])), size - 1]
  return start <= end && start < size ? [start, end] : undefined
}

/** Whether `If-Range` still holds: it names the response's ETag or its Last-Modified date. */
function ifRangeHolds(ifRange: string | undefined, res: ServerResponse): boolean {
  if (ifRange === undefined) return true
  return ifRange === res.getHeader('etag') || ifRange === res.getHeader('last-modified')
}

/**
 * Connect middleware for the dev and preview servers that judges every response on its whole
 * body, whatever the request asks for, and sends a 500 with `message(url, key)` instead when
 * the body holds a secret key (every encoding the build scan undoes, compressed ones too). It
 * sees whatever the server sends: transformed modules, the pages, `/@vite/env` (every
 * `define`), files of `public/` and of the output, assets, anything other plugins or proxies
 * answer. The request cannot change that: a `Range` (and `If-Range`) is answered from the
 * whole body once judged, a `HEAD` is judged as the `GET` it stands for, and an `Accept` or
 * `Accept-Encoding` only changes what is judged (a compressed body is decompressed). Only a
 * response that is itself an event stream is passed on as it comes, each write judged with
 * the end of the one before, and cut off at the first key.
 */
export function refuseKeysInResponses(
  message: (url: string, key: string) => string,
): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (req, res, next) => {
    const url = req.url ?? ''
    const range = req.headers.range
    const ifRange = req.headers['if-range']?.toString()
    // The servers below answer the whole body; the range is cut from it once it is judged.
    delete req.headers.range
    delete req.headers['if-range']
    // Node still sends no body to a HEAD: its response knew the method before this ran.
    if (req.method === 'HEAD') req.method = 'GET'
    const chunks: Buffer[] = []
    const { write, end, writeHead } = res
    /** The end of what an event stream sent, or undefined while the body is held back. */
    let streamed: Buffer | undefined
    const restore = () => Object.assign(res, { write, end, writeHead })
    const refuse = (key: string, done?: () => void) => {
      const text = message(url, key)
      if (res.headersSent) {
        // An event stream under way ends here, with the reason as a comment (EventSource
        // ignores it); what its server writes after that goes nowhere.
        res.write = ((...args: unknown[]) => {
          const callback = args.find((arg) => typeof arg === 'function')
          if (callback) queueMicrotask(callback as () => void)
          return false
        }) as typeof write
        res.end = (() => res) as typeof end
        const comment = `\n${text.replace(/^/gm, ': ')}\n\n`
        return (end as (chunk: string, done?: () => void) => ServerResponse).call(
          res,
          comment,
          done,
        )
      }
      restore()
      for (const name of res.getHeaderNames()) res.removeHeader(name)
      res.writeHead(500, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-store',
      })
      return res.end(text, done)
    }
    /** Passes on a write of an event stream, unless it (with the end of the last) holds a key. */
    const pass = (chunk: Buffer, done?: () => void): boolean => {
      const seen = Buffer.concat([streamed ?? Buffer.alloc(0), chunk])
      const key = findSecretKey(url, seen)
      if (key) {
        refuse(key)
        return false
      }
      streamed = seen.subarray(-OVERLAP)
      // Node sends headers on a first write through `writeHead`, which is held here.
      if (!res.headersSent) writeHead.call(res, res.statusCode)
      return (write as (chunk: Buffer, done?: () => void) => boolean).call(res, chunk, done)
    }
    // Held, not sent: the status and headers go out with the body once it is judged.
    res.writeHead = ((status: number, ...rest: unknown[]) => {
      res.statusCode = status
      if (typeof rest[0] === 'string') res.statusMessage = rest[0]
      const headers = rest.find((arg) => typeof arg === 'object' && arg !== null)
      for (const [name, value] of headerPairs(headers)) res.setHeader(name, value)
      return res
    }) as typeof writeHead
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const done = (typeof encoding === 'function' ? encoding : callback) as
        | (() => void)
        | undefined
      const bytes = toBuffer(chunk, encoding)
      const stream = /^text\/event-stream/i.test(String(res.getHeader('content-type') ?? ''))
      if (streamed !== undefined || (chunks.length === 0 && stream)) return pass(bytes, done)
      chunks.push(bytes)
      if (done) queueMicrotask(done)
      return true
    }) as typeof write
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as
        | (() => void)
        | undefined
      const last =
        chunk !== undefined && chunk !== null && typeof chunk !== 'function'
          ? toBuffer(chunk, encoding)
          : undefined
      if (streamed !== undefined) {
        if (last && !pass(last)) return res
        restore()
        return res.end(done)
      }
      if (last) chunks.push(last)
      const body = Buffer.concat(chunks)
      const key = body.length > 0 ? findSecretKey(url, body) : undefined
      if (key) return refuse(key, done)
      restore()
      const slice =
        range && res.statusCode === 200 && ifRangeHolds(ifRange, res)
          ? byteRange(range, body.length)
          : undefined
      if (!slice) return res.end(body, done)
      res.statusCode = 206
      res.setHeader('content-range', `bytes ${slice[0]}-${slice[1]}/${body.length}`)
      res.setHeader('content-length', slice[1] - slice[0] + 1)
      return res.end(body.subarray(slice[0], slice[1] + 1), done)
    }) as typeof end
    next()
  }
}

/** The headers `writeHead` was given: an object, or a flat array of names and values. */
function headerPairs(headers: unknown): [string, string | string[] | number][] {
  if (!headers) return []
  if (!Array.isArray(headers)) return Object.entries(headers as Record<string, string>)
  const pairs: [string, string][] = []
  for (let i = 0; i + 1 < headers.length; i += 2)
    pairs.push([String(headers[i]), String(headers[i + 1])])
  return pairs
}
