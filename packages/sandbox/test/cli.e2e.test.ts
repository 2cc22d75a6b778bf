import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { Agent, fetch as undiciFetch } from 'undici'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_KEYS, webhookSignature } from '../src/index.js'

// The CLI as a user runs it: the built bin, in its own process. Needs `pnpm build`.
const cli = new URL('../dist/cli.js', import.meta.url).pathname
const run = promisify(execFile)

interface Received {
  headers: IncomingMessage['headers']
  body: string
}

let dir: string
let server: ChildProcess | undefined
let sandboxUrl: string
let token: string
let caFile: string
const received: Received[] = []
const receiver = createServer((req, res) => {
  let body = ''
  req.on('data', (chunk: Buffer) => {
    body += chunk.toString('utf8')
  })
  req.on('end', () => {
    received.push({ headers: req.headers, body })
    res.writeHead(200).end()
  })
})

beforeAll(async () => {
  if (!existsSync(cli)) throw new Error('the sandbox is not built: run `npx -y pnpm@12.4.2 build`')
  dir = mkdtempSync(join(tmpdir(), 'sandbox-cli-e2e-'))
  caFile = join(dir, 'ca.pem')
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  const forward = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`
  server = spawn(process.execPath, [cli, '--ca-file', caFile, '--forward-to', forward], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  sandboxUrl = await new Promise<string>((resolve, reject) => {
    let out = ''
    server?.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      const match = /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(out)
      token = /Control token: +(\S+)/.exec(out)?.[1] ?? ''
      if (match && out.includes('Trigger:')) resolve(match[1] as string)
    })
    server?.once('exit', (code) => reject(new Error(`the CLI exited with ${code}: ${out}`)))
  })
}, 60_000)

afterAll(async () => {
  server?.kill('SIGTERM')
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
  rmSync(dir, { recursive: true, force: true })
})

describe('smartpay-sandbox (spawned)', () => {
  it('triggers an event that reaches the forwarded endpoint, signed with its secret', async () => {
    const dispatcher = new Agent({ connect: { ca: readFileSync(caFile, 'utf8') } })
    const created = await undiciFetch(`${sandboxUrl}/v1/webhook-endpoints`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${DEFAULT_KEYS.secret}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ url: 'https://shop.example/webhooks' }),
      dispatcher,
    })
    const endpoint = (await created.json()) as { id: string; signingSecret: string }
    await dispatcher.close()

    const { stdout } = await run(
      process.execPath,
      [
        cli,
        'trigger',
        'order.authorized',
        '--url',
        sandboxUrl,
        '--ca-file',
        caFile,
        '--token',
        token,
      ],
      { timeout: 60_000 },
    )
    const id = /Triggered order\.authorized \((evt_test_\w+)\)/.exec(stdout)?.[1]
    expect(id).toBeDefined()
    expect(stdout).toContain(`${endpoint.id} https://shop.example/webhooks → http://127.0.0.1:`)
    expect(stdout).toContain('delivered (HTTP 200)')
    const delivery = received.find((r) => JSON.parse(r.body).id === id)
    expect(delivery?.headers['smartpay-subscription-id']).toBe(endpoint.id)
    const timestamp = String(delivery?.headers['smartpay-signature-timestamp'])
    expect(delivery?.headers['smartpay-signature']).toBe(
      webhookSignature({ secret: endpoint.signingSecret, timestamp, body: delivery?.body ?? '' }),
    )
  }, 60_000)

  it('refuses an unknown event type with the list of types, exit code 2', async () => {
    const failed = await run(process.execPath, [
      cli,
      'trigger',
      'order.nope',
      '--url',
      sandboxUrl,
    ]).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 2 })
    expect((failed as { stderr: string }).stderr).toContain('payment.created')
  }, 60_000)

  it('is refused without the token the sandbox printed, exit code 1', async () => {
    expect(token).toMatch(/^sbx_[0-9A-Za-z]{32}$/)
    const args = [cli, 'trigger', 'coupon.created', '--url', sandboxUrl, '--ca-file', caFile]
    const wrong = await run(process.execPath, [...args, '--token', `${token}x`]).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(wrong).toMatchObject({ code: 1 })
    expect((wrong as { stderr: string }).stderr).toContain(
      'The sandbox refused: The sandbox controls need the token',
    )
    const none = await run(process.execPath, args).catch(
      (error: { code: number; stderr: string }) => error,
    )
    expect(none).toMatchObject({ code: 2 })
    expect((none as { stderr: string }).stderr).toContain('Give the control token with --token')
  }, 60_000)

  it('says where the server is not, instead of hanging', async () => {
    const failed = await run(process.execPath, [
      cli,
      'trigger',
      'coupon.created',
      '--url',
      'https://127.0.0.1:9',
      '--ca-file',
      caFile,
      '--token',
      'sbx_00000000000000000000000000000000',
    ]).catch((error: { code: number; stderr: string }) => error)
    expect(failed).toMatchObject({ code: 1 })
    expect((failed as { stderr: string }).stderr).toContain('Cannot reach the sandbox')
  }, 60_000)
})
