import diagnostics from 'node:diagnostics_channel'
import type { AddressInfo } from 'node:net'
import { createServer, type Server, type TLSSocket } from 'node:tls'
import { inspect } from 'node:util'
import {
  createTransport,
  type RequestEvent,
  type SecretKey,
  TRACING_CHANNEL,
} from '../../packages/core/src/index.js'
import { startTestServer, type TestServer } from '../support/httpsServer.js'
import { testCertificate } from '../support/tls.js'
import { trustingFetch } from '../support/trustingFetch.js'

/** Where the server puts the key it was sent, transformed by the case's form. */
export const PLACES = [
  /** A 200's headers (`X-Echo`, `Request-Id`): meta, hooks and the tracing channel carry them. */
  'success headers',
  /** A 400's headers, its body JSON as the API's. */
  'error headers',
  /** A 400's body: the API's `message`, `errorCode` and `details`. */
  'error body',
  /** A 502 from a proxy: an HTML page quoting the request's Authorization header. */
  'proxy page',
  /** A malformed answer, which the HTTP parser quotes in the error it raises (the cause chain). */
  'malformed answer',
] as const

/** One of {@link PLACES}. */
export type Place = (typeof PLACES)[number]

type Form = (key: string) => string

/** The key a request carries, as the server reads it from its Authorization header. */
function keyOf(authorization: string): string {
  const [scheme = '', credentials = ''] = authorization.split(' ')
  return scheme === 'Basic' ? atob(credentials).replace(/:$/, '') : credentials
}

/**
 * A header can carry neither a line break nor a character past Latin-1: what a server sends
 * there is the folded line (a space, once unfolded) and UTF-8 bytes read as Latin-1.
 */
export const asHeader = (text: string): string =>
  Buffer.from(text.replace(/\r?\n[\t ]*/g, ' '), 'utf8').toString('latin1')

/** The local HTTPS servers that echo the key: the scripted one and a raw TLS one. */
export interface EchoServers {
  /** Calls the API through a full (server) transport, the key echoed in `form` at `place`. */
  call(place: Place, form: Form, key: SecretKey, scheme: 'basic' | 'bearer'): Promise<Surfaces>
  close(): Promise<void>
}

/** What the client made of one answer: every text it exposes, and what was echoed. */
export interface Surfaces {
  /** The form as the server sent it (a header's version where it went into a header). */
  echoed: string
  /** Every surface, as logs and tools print it. */
  texts: string[]
  /** Whether the call failed, as it should for every place but `success headers`. */
  failed: boolean
}

/** Every way a value is printed: JSON, `util.inspect` (hidden fields, getters), String, stack. */
function printed(value: unknown): string[] {
  const texts = [
    JSON.stringify(value, (_, v) => (v instanceof Headers ? [...v] : v)),
    inspect(value, { depth: 20, showHidden: true, getters: true }),
    String(value),
  ]
  if (value instanceof Error) {
    texts.push(String(value.stack))
    for (let cause = value.cause; cause !== undefined; cause = (cause as Error).cause) {
      texts.push(...printed(cause))
      if (!(cause instanceof Error)) break
    }
  }
  return texts
}

/** Starts the servers that echo a request's key back, as a hostile proxy would. */
export async function startEchoServers(): Promise<EchoServers> {
  const { key: tlsKey, cert } = await testCertificate()
  const cases = new Map<string, { place: Place; form: Form }>()
  const scripted: TestServer = await startTestServer((request) => {
    const { place, form } = cases.get(request.path.split('/').at(-1) ?? '') ?? {}
    if (!place || !form) return { status: 404, json: { statusCode: 404 } }
    const echo = form(keyOf(String(request.headers.authorization)))
    const headers = { 'x-echo': asHeader(echo), 'request-id': asHeader(echo) }
    if (place === 'success headers') return { json: { id: 'order_test_1' }, headers }
    if (place === 'error headers') {
      return { status: 400, json: { statusCode: 400, errorCode: 'request.invalid' }, headers }
    }
    if (place === 'error body') {
      const json = { statusCode: 400, errorCode: echo, message: `bad ${echo}`, details: [{ echo }] }
      return { status: 400, json }
    }
    const page = `<html><body><pre>Authorization: ${echo}</pre></body></html>`
    return { status: 502, text: page, headers: { 'content-type': 'text/html' } }
  })
  // A header line with a control character before the echo: the HTTP parser refuses it and
  // quotes the bytes from there on in its error (undici: the error's `data`).
  const sockets = new Set<TLSSocket>()
  const raw: Server = createServer({ key: tlsKey, cert }, (socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.once('data', (request: Buffer) => {
      const head = request.toString('latin1')
      const id = /^GET \S*\/(\w+) /.exec(head)?.[1] ?? ''
      const authorization = /\r\nauthorization: ([^\r\n]*)/i.exec(head)?.[1] ?? ''
      const echo = cases.get(id)?.form(keyOf(authorization)) ?? ''
      socket.end(
        Buffer.concat([
          Buffer.from('HTTP/1.1 200 OK\r\nX-Echo: \u0001'),
          Buffer.from(echo, 'utf8'),
          Buffer.from('\r\n\r\n'),
        ]),
      )
    })
  })
  await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve))
  const rawBase = `https://127.0.0.1:${(raw.address() as AddressInfo).port}/v1`
  const fetch = trustingFetch(cert)
  let next = 0

  async function call(place: Place, form: Form, key: SecretKey, scheme: 'basic' | 'bearer') {
    const id = `case${next++}`
    cases.set(id, { place, form })
    const events: [string, RequestEvent][] = []
    const hooks = {
      onRequest: (e: RequestEvent) => void events.push(['request', e]),
      onRetry: (e: RequestEvent) => void events.push(['retry', e]),
      onResponse: (e: RequestEvent) => void events.push(['response', e]),
      onError: (e: RequestEvent) => void events.push(['error', e]),
    }
    const traced: unknown[] = []
    const channel = diagnostics.tracingChannel(TRACING_CHANNEL)
    const keep = (context: unknown) => void traced.push(context)
    const subscribers = { start: keep, end: keep, asyncStart: keep, asyncEnd: keep, error: keep }
    channel.subscribe(subscribers)
    const baseUrl = place === 'malformed answer' ? rawBase : scripted.baseUrl
    const transport = createTransport(key, scheme, { baseUrl, fetch, maxRetries: 0, hooks })
    const texts: string[] = []
    let failed = false
    try {
      const { meta } = await transport.request({ method: 'GET', path: `/echo/${id}` }).withMeta()
      texts.push(...printed(meta), JSON.stringify([...meta.headers]), String(meta.requestId))
    } catch (error) {
      failed = true
      const { code, details, requestId, headers } = error as Record<string, unknown>
      texts.push(...printed(error), ...printed({ code, details, requestId, headers }))
    } finally {
      channel.unsubscribe(subscribers)
      cases.delete(id)
    }
    texts.push(...printed(events), ...printed(traced))
    const echoed = form(key)
    return { echoed: place.endsWith('headers') ? asHeader(echoed) : echoed, texts, failed }
  }

  return {
    call,
    close: async () => {
      for (const socket of sockets) socket.destroy()
      await Promise.all([scripted.close(), new Promise((resolve) => raw.close(resolve))])
    },
  }
}
