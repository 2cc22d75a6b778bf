import { createServer, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createSandbox } from '../src/fetch.js'
import { type DeliveryLogEntry, startSandbox } from '../src/index.js'

// The delivery timeout bounds each whole attempt, however many are in flight and however the
// receiver stalls. Receivers here never answer in time: they hold every request until the test
// ends. Were the timeout not kept, settled() would never resolve and the test would time out;
// nothing below measures how long anything took.
const servers: Server[] = []
const held: ServerResponse[] = []
afterEach(async () => {
  for (const res of held.splice(0)) res.destroy()
  await Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(resolve))
    }),
  )
})

/** A receiver that never finishes an answer: `trickle` sends headers, then a byte now and then. */
async function stalling(how: 'silent' | 'trickle') {
  let received = 0
  const server = createServer((req, res) => {
    req.resume()
    received++
    held.push(res)
    if (how === 'trickle') {
      res.writeHead(200, { 'content-type': 'text/plain' })
      const drip = setInterval(() => res.write('.'), 50)
      res.on('close', () => clearInterval(drip))
    }
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}/hooks`, received: () => received }
}

const EVENTS = 300

describe('the webhook delivery timeout', () => {
  it.each(['silent', 'trickle'] as const)(
    `ends each of ${EVENTS} attempts in flight at once, to a %s receiver`,
    async (how) => {
      const receiver = await stalling(how)
      const log: DeliveryLogEntry[] = []
      const sandbox = await startSandbox({
        webhookRetry: { maxAttempts: 1, timeoutMs: 1000 },
        onDelivery: (entry) => void log.push(entry),
      })
      try {
        await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
          method: 'POST',
          headers: { authorization: 'Basic sk_test_x', 'content-type': 'application/json' },
          body: JSON.stringify({ url: receiver.url, eventSubscriptions: ['coupon.created'] }),
        })
        for (let i = 0; i < EVENTS; i++) sandbox.trigger('coupon.created')
        await sandbox.settled()
        const deliveries = sandbox.deliveries()
        expect(deliveries).toHaveLength(EVENTS)
        expect(deliveries.filter((d) => d.state === 'failed')).toHaveLength(EVENTS)
        const errors = deliveries.map((d) => d.attempts[0]?.error)
        expect(errors.filter((e) => e === 'no answer within 1000 ms')).toHaveLength(EVENTS)
        expect(log).toHaveLength(EVENTS)
        expect(log.every((entry) => entry.status === undefined && entry.attempt === 1)).toBe(true)
      } finally {
        await sandbox.stop()
      }
    },
  )

  it('ends an attempt to an in-process handler that ignores the abort signal', async () => {
    let release = () => {}
    const never = new Promise<Response>((resolve) => {
      release = () => resolve(new Response('late'))
    })
    const sandbox = createSandbox({
      deliver: () => never,
      webhookRetry: { maxAttempts: 2, baseMs: 10, timeoutMs: 200 },
    })
    try {
      await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
        method: 'POST',
        headers: { authorization: 'Basic sk_test_x', 'content-type': 'application/json' },
        body: JSON.stringify({ url: 'https://shop.example/hooks' }),
      })
      sandbox.trigger('coupon.created')
      await sandbox.settled()
      const [delivery] = sandbox.deliveries()
      expect(delivery?.state).toBe('failed')
      expect(delivery?.attempts.map((a) => a.error)).toEqual([
        'no answer within 200 ms',
        'no answer within 200 ms',
      ])
    } finally {
      release()
      await sandbox.stop()
    }
  })
})
