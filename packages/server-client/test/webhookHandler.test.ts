import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testCertificate } from '../../../tests/support/tls'
import { trustingFetch } from '../../../tests/support/trustingFetch'
import { signWebhook } from '../src/webhooks/sign.js'
import { bundleWorker } from './workerBundle.js'

// createWebhookHandler, from the *built* package and its export conditions, served by each
// runtime's own server (Deno.serve, Bun.serve, workerd), receiving the same deliveries.
// Needs `pnpm build`.
const here = new URL('./webhookHandler/', import.meta.url).pathname
const packageDir = new URL('../', import.meta.url).pathname
const secret = 'Q8vN2kLm5TzX7cRb1YwH4jPd9GsF3uKe6AoV0iJn'

type Send = (
  method: string,
  path: string,
  body?: string,
  headers?: Record<string, string>,
) => Promise<{ status: number; json: unknown }>

let tmp: string
beforeAll(() => {
  if (!existsSync(join(packageDir, 'dist/webhooks.js'))) {
    throw new Error('server-client is not built: run `npx -y pnpm@12.4.2 build` first')
  }
  tmp = mkdtempSync(join(tmpdir(), 'smartpay-webhook-handler-'))
})
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

let timestamp = Date.now()
const event = (type: string, amount: number) =>
  JSON.stringify({
    id: `evt_test_${type.replace(/\W/g, '')}${amount}`,
    object: 'event',
    createdAt: Date.now(),
    test: true,
    eventData: {
      type,
      data: { id: 'x_test_1', object: 'x', status: 'succeeded', amount, currency: 'JPY' },
    },
  })

/** The same deliveries for every runtime, and what Smartpay must be answered. */
async function scenario(send: Send) {
  const deliver = async (body: string, extra: Record<string, string> = {}) => {
    const signed = await signWebhook({ body, signingSecret: secret, timestamp: ++timestamp })
    const headers = { 'content-type': 'application/json', ...signed.headers, ...extra }
    return { headers, answer: await send('POST', '/webhooks', body, headers) }
  }
  const authorized = event('order.authorized', 3000)
  const first = await deliver(authorized)
  expect(first.answer).toEqual({ status: 200, json: { received: true } })
  expect(await send('POST', '/webhooks', authorized, first.headers)).toMatchObject({
    status: 400,
    json: { error: 'replayed' },
  })
  expect(
    (await deliver(authorized, { 'smartpay-signature': '0'.repeat(64) })).answer,
  ).toMatchObject({ status: 400, json: { error: 'bad-signature' } })
  const refund = event('refund.created', 500)
  expect((await deliver(refund)).answer).toEqual({ status: 500, json: { error: 'handler-failed' } })
  expect((await deliver(refund)).answer).toEqual({ status: 200, json: { received: true } })
  expect((await deliver(refund)).answer).toEqual({
    status: 200,
    json: { received: true, duplicate: true },
  })
  expect((await deliver(event('payment.created', 1))).answer.json).toEqual({
    received: true,
    handled: false,
  })
  expect((await deliver(event('order.expired', 1))).answer.status).toBe(200)
  expect((await send('GET', '/webhooks')).status).toBe(405)
  expect((await send('GET', '/handled')).json).toEqual([
    'order.authorized 3000',
    'refund.created 500',
    'unrecognized order.expired',
  ])
}

/** Starts serve.mjs in a runtime, in its own process group; resolves to its port. */
function serveIn(args: string[], env: Record<string, string>) {
  const child = spawn('npx', ['-y', ...args, join(here, 'serve.mjs')], {
    cwd: packageDir,
    env: { ...process.env, ...env, DENO_NO_UPDATE_CHECK: '1' },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const port = new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /PORT (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    let err = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.on('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${err}`)))
  })
  return { child, port }
}

/** Stops the runtime started by serveIn: its whole group (npx and the runtime under it). */
function stop(child: ChildProcess) {
  if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM')
}

describe('createWebhookHandler in Fetch runtimes', () => {
  it.each([
    [
      'Deno 2 (Deno.serve)',
      ['deno@2', 'run', '--allow-env', '--allow-net=127.0.0.1', '--allow-read'],
    ],
    ['Bun 1.4 (Bun.serve)', ['bun@1.4.4']],
  ])('%s', { timeout: 180_000 }, async (_, args) => {
    const { key, cert } = await testCertificate()
    const { child, port } = serveIn(args, { WEBHOOK_SECRET: secret, TLS_CERT: cert, TLS_KEY: key })
    try {
      const origin = `https://127.0.0.1:${await port}`
      const fetchTrusting = trustingFetch(cert)
      await scenario(async (method, path, body, headers) => {
        const response = await fetchTrusting(`${origin}${path}`, {
          method,
          ...(body === undefined ? {} : { body }),
          ...(headers ? { headers } : {}),
        })
        return { status: response.status, json: await response.json() }
      })
    } finally {
      stop(child)
    }
  })

  it('Cloudflare workerd (miniflare), bundled with the Workers conditions', {
    timeout: 120_000,
  }, async () => {
    const script = await bundleWorker(tmp, packageDir, here, ['worker.mjs', 'app.mjs'])
    expect(script).not.toMatch(/cannot-be-bundled-for-the-browser/)
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      bindings: { WEBHOOK_SECRET: secret },
    })
    try {
      await scenario(async (method, path, body, headers) => {
        const response = await mf.dispatchFetch(`https://worker.test${path}`, {
          method,
          ...(body === undefined ? {} : { body }),
          ...(headers ? { headers } : {}),
        })
        return { status: response.status, json: await response.json() }
      })
    } finally {
      await mf.dispose()
    }
  })
})
