import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** Headers a webhook delivery needs to arrive intact: its type and Smartpay's own. */
function deliveryHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string' && (name === 'content-type' || name.startsWith('smartpay-')))
      headers[name] = value
  }
  return headers
}

/**
 * A network that loses the shop's first answer: each delivery is forwarded to `target`, but
 * after the first one the proxy hangs up instead of passing the shop's 200 back. The sender
 * sees no acknowledgement and delivers the same event again, as Smartpay does.
 */
export async function loseFirstAnswer(target: string) {
  let forwarded = 0
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const answer = await fetch(target, {
      method: 'POST',
      headers: deliveryHeaders(req),
      body: Buffer.concat(chunks),
    })
    const text = await answer.text()
    if (++forwarded === 1) return void req.socket.destroy()
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(text)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
