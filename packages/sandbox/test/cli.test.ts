import { mkdtempSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Agent, fetch as undiciFetch } from 'undici'
import { describe, expect, it } from 'vitest'
import { DEFAULT_KEYS, runCli } from '../src/index.js'

const capture = () => {
  const out: string[] = []
  const err: string[] = []
  return {
    out,
    err,
    io: { out: (l: string) => void out.push(l), err: (l: string) => void err.push(l) },
  }
}

describe('runCli', () => {
  it('prints usage for --help without starting', async () => {
    const { out, io } = capture()
    const { sandbox, exitCode } = await runCli(['--help'], io)
    expect(sandbox).toBeUndefined()
    expect(exitCode).toBe(0)
    expect(out.join('\n')).toContain('Usage: smartpay-sandbox')
  })

  it('states the same webhook retry default in --help and the README', async () => {
    const { out, io } = capture()
    await runCli(['--help'], io)
    expect(out.join('\n')).toMatch(/--webhook-base-ms <n> .*\(default: 500\)/)
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
    expect(readme).toContain('baseMs = 500')
    expect(readme).not.toMatch(/webhook-base-ms[^\n]*1000/)
  })

  it('refuses a non-numeric port before starting', async () => {
    const { err, io } = capture()
    const { sandbox, exitCode } = await runCli(['--port', 'abc'], io)
    expect(sandbox).toBeUndefined()
    expect(exitCode).toBe(2)
    expect(err.join('\n')).toContain('port must be a whole number')
  })

  it('fails with usage on an unknown option', async () => {
    const { err, io } = capture()
    const { exitCode } = await runCli(['--nope'], io)
    expect(exitCode).toBe(2)
    expect(err.join('\n')).toContain('Usage')
  })

  it('starts, prints the URL, the CA file and the keys, and logs each request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'))
    const caFile = join(dir, 'ca.pem')
    const { out, io } = capture()
    const { sandbox } = await runCli(['--ca-file', caFile], io)
    if (!sandbox) throw new Error('not started')
    try {
      const text = out.join('\n')
      expect(text).toContain(`listening on ${sandbox.url}`)
      expect(sandbox.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(text).toContain(caFile)
      expect(text).toContain(DEFAULT_KEYS.secret)
      expect(text).toContain(DEFAULT_KEYS.public)
      expect(readFileSync(caFile, 'utf8')).toBe(sandbox.ca)
      const dispatcher = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } })
      const res = await undiciFetch(`${sandbox.apiUrl}/orders`, {
        headers: { authorization: `Basic ${DEFAULT_KEYS.secret}` },
        dispatcher,
      })
      expect(res.status).toBe(200)
      await dispatcher.close()
      expect(out.at(-1)).toMatch(/GET \/v1\/orders → 200 \d+ms req_\w+ \[test\]/)
    } finally {
      await sandbox.stop()
    }
  })

  it('logs each webhook delivery and its answer, retries included', async () => {
    const statuses = [500, 200]
    const receiver = createServer((req, res) => {
      req.resume()
      req.on('end', () => res.writeHead(statuses.shift() ?? 200).end())
    })
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
    const { out, io } = capture()
    const { sandbox } = await runCli(
      ['--webhook-base-ms', '10', '--webhook-timeout-ms', '20000'],
      io,
    )
    if (!sandbox) throw new Error('not started')
    try {
      await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${DEFAULT_KEYS.secret}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url }),
      })
      const event = sandbox.trigger('coupon.created')
      await sandbox.settled()
      const lines = out.filter((line) => line.includes(' webhook '))
      expect(lines).toHaveLength(2)
      const target = url.replace(/[.?]/g, '\\$&')
      expect(lines[0]).toMatch(
        new RegExp(
          `webhook coupon\\.created ${event.id} → ${target} 500 \\d+ms \\[attempt 1, retry in 10ms\\]$`,
        ),
      )
      expect(lines[1]).toMatch(new RegExp(`${event.id} → ${target} 200 \\d+ms \\[attempt 2\\]$`))
    } finally {
      await sandbox.stop()
      receiver.closeAllConnections()
      await new Promise((resolve) => receiver.close(resolve))
    }
  })

  it('logs an attempt that got no answer, with why', async () => {
    const { out, io } = capture()
    const { sandbox } = await runCli(['--webhook-attempts', '1'], io)
    if (!sandbox) throw new Error('not started')
    try {
      // Nothing listens on port 9 of this machine: the connection is refused.
      await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${DEFAULT_KEYS.secret}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ url: 'http://127.0.0.1:9/hooks' }),
      })
      sandbox.trigger('coupon.created')
      await sandbox.settled()
      expect(out.filter((line) => line.includes(' webhook '))).toEqual([
        expect.stringMatching(
          /→ http:\/\/127\.0\.0\.1:9\/hooks no answer: .*ECONNREFUSED.* \[attempt 1\]$/,
        ),
      ])
    } finally {
      await sandbox.stop()
    }
  })
})
