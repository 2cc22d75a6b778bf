// The merchant's web server: the shop's pages, the checkout API the cart page calls, and the
// webhook receiver. Plain node:http, so every step is in view. It runs on http://127.0.0.1: it
// is the shop; every call to Smartpay (here, the sandbox) goes over HTTPS.
import { createServer } from 'node:http'
import { CartError, sessionFromCart } from './server/cart.mjs'
import { createWebhookReceiver } from './server/webhooks.mjs'

/** @typedef {import('@smartpay-kit/server-client').ServerClient} ServerClient */
/** @typedef {import('./server/webhooks.mjs').WebhookRecord} WebhookRecord */
/** @typedef {import('node:http').IncomingMessage} IncomingMessage */
/** @typedef {import('node:http').ServerResponse} ServerResponse */

const CONTENT_TYPES = /** @type {Record<string, string>} */ ({
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
})

/** Larger bodies are refused before they are read in full; a cart is a few kB. */
const MAX_BODY_BYTES = 64 * 1024

/**
 * @typedef {object} MerchantOptions
 * @property {ServerClient} smartpay the server client, with the secret key
 * @property {{ publicKey: string, apiUrl: string }} browserConfig what the pages may know,
 *   served as /config.json: the public key and the API's URL (the sandbox's port is random)
 * @property {ReadonlyMap<string, string | Uint8Array>} page the built checkout page, by path
 * @property {ReadonlyMap<string, string>} signingSecrets webhook endpoint id → signing secret
 * @property {(line: string) => void} [log] hears about checkouts, webhooks and errors
 * @property {number} [port] default: any free port
 */

/**
 * Starts the shop on 127.0.0.1.
 * @param {MerchantOptions} options
 */
export async function startMerchant(options) {
  const { smartpay, browserConfig, page, signingSecrets, log = () => {}, port = 0 } = options
  const webhooks = createWebhookReceiver({
    smartpay,
    signingSecrets,
    onRecord: (r) => log(`webhook ${r.type} ${r.eventId}: ${r.outcome} ${r.paymentId ?? ''}`),
    onError: (error) => log(`✗ webhook: ${error instanceof Error ? error.message : error}`),
  })
  let origin = ''

  /** @type {Record<string, (req: IncomingMessage, res: ServerResponse) => Promise<void>>} */
  const routes = {
    // The cart page posts the cart; the shop prices it and creates the checkout session.
    'POST /api/checkout': async (req, res) => {
      let params
      try {
        params = sessionFromCart(JSON.parse((await readBody(req)).toString('utf8')), origin)
      } catch (error) {
        if (!(error instanceof CartError || error instanceof SyntaxError)) throw error
        return send(res, 400, { error: error.message })
      }
      const session = await smartpay.checkoutSessions.create(params)
      log(`checkout session ${session.id}`)
      // The page needs only where to send the shopper.
      send(res, 200, { url: session.url })
    },
    // Smartpay posts events here; the handler reads the raw bytes the signature covers.
    'POST /webhooks': webhooks.handle,
    'GET /config.json': async (_req, res) => send(res, 200, browserConfig),
  }

  /** @param {IncomingMessage} req @param {ServerResponse} res */
  async function serve(req, res) {
    const { pathname } = new URL(req.url ?? '/', origin)
    const route = routes[`${req.method} ${pathname}`]
    if (route) return route(req, res)
    const file =
      req.method === 'GET' ? page.get(pathname === '/' ? '/index.html' : pathname) : undefined
    if (file === undefined) return send(res, 404, { error: 'not found' })
    const extension = pathname === '/' ? 'html' : (pathname.split('.').pop() ?? '')
    res.writeHead(200, { 'content-type': CONTENT_TYPES[extension] ?? 'application/octet-stream' })
    res.end(file)
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error) => {
      log(`✗ ${req.method} ${req.url}: ${error instanceof Error ? error.message : error}`)
      if (!res.headersSent) send(res, 500, { error: 'internal error' })
      else res.destroy()
    })
  })
  await new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(undefined)))
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  origin = `http://127.0.0.1:${address.port}`

  return {
    /** `http://127.0.0.1:PORT`, the shop's home page. */
    url: origin,
    /** Where Smartpay should deliver events. */
    webhookUrl: `${origin}/webhooks`,
    /** Every webhook delivery the shop accepted, oldest first. */
    webhookRecords: /** @type {readonly WebhookRecord[]} */ (webhooks.records),
    /** Stops the server and drops open connections. */
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve(undefined))
        server.closeAllConnections()
      }),
  }
}

/** @param {ServerResponse} res @param {number} status @param {unknown} body */
function send(res, status, body) {
  res.writeHead(status, { 'content-type': CONTENT_TYPES.json }).end(JSON.stringify(body))
}

/**
 * The request body as bytes, exactly as they came.
 * @param {IncomingMessage} req
 */
async function readBody(req) {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES)
    throw new Error(`request body over ${MAX_BODY_BYTES} bytes`)
  /** @type {Buffer[]} */
  const chunks = []
  let size = 0
  for await (const chunk of req) {
    size += chunk.length
    if (size > MAX_BODY_BYTES) throw new Error(`request body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
