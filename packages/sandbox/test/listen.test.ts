import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import { DEFAULT_KEYS, runCli, webhookSignature } from '../src/index.js'

const capture = () => {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) },
  }
}

describe('smartpay-sandbox listen --forward-to', () => {
  it("registers an endpoint for the URL, prints its signing secret and the app's environment, and logs each delivery", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = []
    const receiver = createServer((req, res) => {
      let body = ''
      req.setEncoding('utf8')
      req.on('data', (chunk: string) => {
        body += chunk
      })
      req.on('end', () => {
        received.push({ headers: req.headers, body })
        res.writeHead(200).end()
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/api/webhooks/smartpay`
    const { out, io } = capture()
    const { sandbox, exitCode } = await runCli(['listen', '--forward-to', url], io)
    if (!sandbox) throw new Error('not started')
    try {
      expect(exitCode).toBe(0)
      const text = out.join('\n')
      expect(text).toMatch(
        new RegExp(`Webhooks: +webhookendpoint_test_\\w+ → ${url.replace(/[.]/g, '\\.')} `),
      )
      const secret = /Signing secret: ([0-9A-Za-z]+)$/m.exec(text)?.[1] ?? ''
      expect(secret).toMatch(/^[0-9A-Za-z]{40}$/)
      expect(text).toContain(
        `SMARTPAY_WEBHOOK_SECRET=${secret} SMARTPAY_SECRET_KEY=${DEFAULT_KEYS.secret} SMARTPAY_API_PREFIX=${sandbox.apiUrl} NODE_EXTRA_CA_CERTS=`,
      )

      const event = sandbox.trigger('order.authorized')
      await sandbox.settled()
      expect(received).toHaveLength(1)
      const [delivery] = received
      const timestamp = String(delivery?.headers['smartpay-signature-timestamp'])
      // Signed with the secret it printed: the one the app is told to set.
      expect(delivery?.headers['smartpay-signature']).toBe(
        webhookSignature({ secret, timestamp, body: delivery?.body ?? '' }),
      )
      expect(JSON.parse(delivery?.body ?? '{}').id).toBe(event.id)
      expect(out.filter((line) => line.includes(' webhook '))).toEqual([
        expect.stringMatching(new RegExp(`order\\.authorized ${event.id} → .* 200 \\d+ms`)),
      ])
    } finally {
      await sandbox.stop()
      receiver.closeAllConnections()
      await new Promise((resolve) => receiver.close(resolve))
    }
  })

  it('needs --forward-to, and a test secret key when --key restricts them', async () => {
    const missing = capture()
    expect((await runCli(['listen'], missing.io)).exitCode).toBe(2)
    expect(missing.err.join('\n')).toMatch(/^listen needs --forward-to <url>/)
    const live = capture()
    const url = 'http://127.0.0.1:3000/hooks'
    const args = ['listen', '--forward-to', url, '--key', 'sk_live_only1']
    const { sandbox, exitCode } = await runCli(args, live.io)
    expect(sandbox).toBeUndefined()
    expect(exitCode).toBe(2)
    expect(live.err.join('\n')).toMatch(/^listen needs an sk_test_ key among --key/)
  })
})
