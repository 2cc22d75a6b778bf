// Stands in for Next's router: each path to its route module's handler, on node:http.
import { createServer } from 'node:http'
import * as checkout from './app/api/checkout/route.js'
import * as capture from './app/api/orders/id/capture/route.js'
import * as order from './app/api/orders/id/route.js'
import * as webhook from './app/api/webhooks/smartpay/route.js'

type Handler = (request: Request, context: { params: { id: string } }) => Promise<Response>
const routes: [string, RegExp, Handler][] = [
  ['POST', /^\/api\/checkout$/, checkout.POST],
  ['GET', /^\/api\/orders\/(?<id>[^/]+)$/, order.GET],
  ['POST', /^\/api\/orders\/(?<id>[^/]+)\/capture$/, capture.POST],
  ['POST', /^\/api\/webhooks\/smartpay$/, webhook.POST],
]

const server = createServer(async (req, res) => {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const route = routes.find(([method, path]) => method === req.method && path.test(url.pathname))
  if (url.pathname === '/api/seen') {
    res.setHeader('content-type', 'application/json')
    return res.end(JSON.stringify(webhook.seen))
  }
  if (!route) return res.writeHead(404).end()
  const id = route[1].exec(url.pathname)?.groups?.id ?? ''
  const headers = new Headers(req.headers as Record<string, string>)
  const body = req.method === 'GET' ? undefined : Buffer.concat(chunks)
  try {
    const response = await route[2](new Request(url, { method: req.method, headers, body }), {
      params: { id },
    })
    res.writeHead(response.status, Object.fromEntries(response.headers))
    res.end(Buffer.from(await response.arrayBuffer()))
  } catch (error) {
    res.writeHead(500, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ error: (error as Error).message }))
  }
})
server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log('listening on', process.env.PORT),
)
