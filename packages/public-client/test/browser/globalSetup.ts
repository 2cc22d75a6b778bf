import type { TestProject } from 'vitest/node'
import {
  type RecordedRequest,
  type Reply,
  startTestServer,
} from '../../../../tests/support/httpsServer.js'

declare module 'vitest' {
  export interface ProvidedContext {
    /** `https://127.0.0.1:PORT` of the local Smartpay stand-in the browser tests call. */
    smartpayOrigin: string
  }
}

/** A recorded request as the browser tests read it back from `GET /__requests`. */
export interface SeenRequest {
  method: string
  path: string
  query: string
  headers: Record<string, string | string[] | undefined>
}

function cors(request: RecordedRequest): Record<string, string> {
  const origin = request.headers.origin
  return typeof origin === 'string' ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {}
}

/** The hosted checkout page's stand-in: tells the page that framed it where it landed. */
const CHECKOUT_PAGE = `<!doctype html><title>Smartpay checkout</title>
<script>parent.postMessage({ href: location.href, historyLength: history.length }, '*')</script>`

/**
 * Plays the API and the hosted checkout for real Chromium, on 127.0.0.1 over HTTPS:
 * answers CORS preflights, serves checkout sessions and a checkout page, and lists what it
 * saw at `/__requests?path=…` so tests can assert on the preflight and the auth header.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const seen: RecordedRequest[] = []
  const server = await startTestServer((request): Reply => {
    if (request.path === '/__requests') {
      const path = request.query.get('path')
      const list: SeenRequest[] = seen
        .filter((each) => each.path === path)
        .map(({ method, path, query, headers }) => ({ method, path, query: `${query}`, headers }))
      return { json: list, headers: cors(request) }
    }
    seen.push(request)
    if (request.method === 'OPTIONS') {
      return {
        status: 204,
        headers: {
          ...cors(request),
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': 'authorization',
          'access-control-max-age': '0',
        },
      }
    }
    const session = /^\/v1\/checkout-sessions\/([^/]+)$/.exec(request.path)
    if (session && request.method === 'GET') {
      const id = decodeURIComponent(session[1] ?? '')
      return {
        json: { id, object: 'checkoutSession', test: true, url: `${server.origin}/checkout/${id}` },
        headers: cors(request),
      }
    }
    if (request.path.startsWith('/checkout/')) {
      return { text: CHECKOUT_PAGE, headers: { 'content-type': 'text/html; charset=utf-8' } }
    }
    return { status: 404, json: { errorCode: 'not-found' }, headers: cors(request) }
  })
  project.provide('smartpayOrigin', server.origin)
  return () => server.close()
}
