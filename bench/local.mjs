// What the request benchmarks share: the key and the order they fetch, a self-signed
// certificate for 127.0.0.1, a local server that answers every request with one body, and a
// keep-alive fetch that trusts that server. Loopback only: nothing leaves the machine.
import { createServer as createHttp } from 'node:http'
import { createServer as createHttps } from 'node:https'
import ky from 'ky'
import { generate } from 'selfsigned'
import { Agent } from 'undici'

/** The key every client is given (a test key: the local server ignores it). */
export const SECRET = 'sk_test_benchKey000000000000000'
export const ORDER_ID = 'order_test_bench0001'
/** The `Authorization` header bare fetch sends, as the clients send it. */
export const AUTH = `Basic ${btoa(`${SECRET}:`)}`

const item = (n) => ({
  id: `li_test_bench${n}`,
  object: 'lineItem',
  kind: 'product',
  amount: 1200,
  currency: 'JPY',
  quantity: 1,
  description: 'Sencha green tea, 100 g',
  price: { id: `price_test_bench${n}`, object: 'price', amount: 1200, currency: 'JPY' },
})

/** An order as the API returns one, three line items and shipping: about 1.2 kB of JSON. */
export const ORDER = {
  id: ORDER_ID,
  object: 'order',
  test: true,
  status: 'requires_capture',
  amount: 3300,
  currency: 'JPY',
  createdAt: 1764288000000,
  updatedAt: 1764288000000,
  expiresAt: 1766880000000,
  reference: 'order-1234',
  description: 'Tea for the office',
  metadata: { cart: 'c_9f8e7d', channel: 'web' },
  discountAmount: 0,
  discounts: [],
  payments: [],
  lineItems: [item(1), item(2), item(3)],
  shippingInfo: {
    address: {
      line1: '1-2-3 Shibuya',
      locality: 'Shibuya-ku',
      postalCode: '150-0002',
      country: 'JP',
    },
    feeAmount: 500,
    feeCurrency: 'JPY',
  },
}

/** The smallest answer, the harshest case for a client's own overhead. */
export const TINY = { id: ORDER_ID, object: 'order', amount: 1000, currency: 'JPY' }

/** One EC certificate for 127.0.0.1, made once per process. */
export const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
  keyType: 'ec',
  curve: 'P-256',
  extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
})

/**
 * Starts a server on 127.0.0.1 (`https` with {@link pems}, or `http`) that answers every
 * request with `body` as JSON and a request id, and counts the connections it accepts.
 */
export async function serve(kind, body) {
  const answer = (_req, res) => {
    res
      .writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'request-id': 'req_bench',
      })
      .end(body)
  }
  const server =
    kind === 'https'
      ? createHttps({ key: pems.private, cert: pems.cert }, answer)
      : createHttp(answer)
  server.keepAliveTimeout = 60_000
  let connections = 0
  server.on('connection', () => connections++)
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    origin: `${kind}://127.0.0.1:${server.address().port}`,
    /** Connections accepted so far. */
    get connections() {
      return connections
    },
    close() {
      server.closeAllConnections?.()
      server.close()
    },
  }
}

/**
 * A `fetch` with its own keep-alive pool that trusts {@link pems} (the global fetch with an
 * undici dispatcher), and `close` for the pool.
 */
export function trustingFetch() {
  const dispatcher = new Agent({ connect: { ca: pems.cert } })
  return {
    fetch: (input, init) => fetch(input, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  }
}

/**
 * ky configured the way a client would use it alone (per-attempt and total timeouts, ky's own
 * retries, no redirects), without core: what ky itself costs per call.
 */
export function kyAlone(base, fetch) {
  return ky.create({
    prefix: base,
    fetch,
    headers: { authorization: AUTH, accept: 'application/json' },
    redirect: 'manual',
    timeout: 30_000,
    totalTimeout: 60_000,
    retry: { limit: 2 },
  })
}
