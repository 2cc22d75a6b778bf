import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { consumerRoot, project, run } from './helpers.js'

// Apps written against the official @smartpay/sdk-node 0.9.1, each run against the sandbox,
// migrated by `npx smartpay-migrate` from the packed tarball as a user would, then run again:
// the same flow must give the same outcome. All on Node 22 (the new packages' floor).

type Sandbox = {
  url: string
  apiUrl: string
  ca: string
  stop(): Promise<void>
  settled(): Promise<void>
  authorize(sessionId: string): { order?: { id: string } }
  fetch: typeof fetch
}
type SandboxModule = {
  startSandbox(options?: object): Promise<Sandbox>
  DEFAULT_KEYS: { secret: string }
}

let sandbox: Sandbox
let env: Record<string, string> = {}
let secretKey = ''

beforeAll(async () => {
  const installed = createRequire(join(consumerRoot(), 'package.json'))
  const entry = installed.resolve('@smartpay-kit/sandbox')
  const { startSandbox, DEFAULT_KEYS } = (await import(pathToFileURL(entry).href)) as SandboxModule
  sandbox = await startSandbox({ webhookRetry: { baseMs: 50, maxAttempts: 8 } })
  secretKey = DEFAULT_KEYS.secret
  const caFile = join(consumerRoot(), 'migrate-sandbox-ca.pem')
  writeFileSync(caFile, sandbox.ca)
  env = {
    NODE_EXTRA_CA_CERTS: caFile,
    SMARTPAY_SECRET_KEY: DEFAULT_KEYS.secret,
    SMARTPAY_PUBLIC_KEY: 'pk_test_sandboxPublicKey000001',
    SMARTPAY_API_PREFIX: sandbox.apiUrl,
  }
})
afterAll(() => sandbox?.stop())

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

/** Starts an app on Node 22 and resolves once it listens; `stop` ends its process group. */
async function startApp(dir: string, entry: string, extra: Record<string, string>) {
  const child: ChildProcess = spawn('npx', ['-y', 'node@22', entry], {
    cwd: dir,
    env: { ...process.env, ...env, ...extra },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk
      if (output.includes('listening on')) resolve()
    })
    child.stderr?.on('data', (chunk) => {
      output += chunk
    })
    child.on('exit', (code) =>
      reject(new Error(`the app exited (${code}) before listening:\n${output}`)),
    )
  })
  return {
    output: () => output,
    stop: () => {
      try {
        process.kill(-(child.pid as number), 'SIGTERM')
      } catch {
        // already gone
      }
    },
  }
}

/** The same with every id's random part hidden, so that two runs compare. */
const normal = (value: unknown, reference: string) =>
  JSON.parse(
    JSON.stringify(value)
      .replace(/(_(?:test|live)_)[0-9A-Za-z.]+/g, '$1…')
      .replaceAll(reference, 'REF'),
  )

async function registerWebhook(url: string): Promise<string> {
  const response = await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: `Basic ${secretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url, eventSubscriptions: ['order.authorized'] }),
  })
  const endpoint = (await response.json()) as { signingSecret: string }
  return endpoint.signingSecret
}

/** The shop's flow: checkout, the shopper authorizes, the webhook, capture, refund. */
async function shopFlow(base: string, reference: string) {
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const checkout = await post('/checkout', {
    cart: [{ name: 'Matcha 100g', price: 1200, qty: 2 }],
    reference,
    promotionCode: 'SPRING',
  })
  const id = checkout.body.id as string
  const { order } = sandbox.authorize(id)
  await sandbox.settled()
  const orderId = order?.id as string
  const read = await fetch(`${base}/orders/${orderId}`)
  const before = { status: read.status, body: await read.json() }
  const capture = await post(`/orders/${orderId}/capture`, {})
  const refund = await post(`/payments/${capture.body.payment as string}/refund`, { amount: 1000 })
  const url = new URL(checkout.body.url as string)
  return normal(
    {
      reference: 'REF',
      checkout: {
        ...checkout,
        body: { ...checkout.body, url: `${url.origin === sandbox.url}?${url.searchParams}` },
      },
      before,
      capture,
      refund,
    },
    reference,
  )
}

/** Runs the packed bin in the consumer project, as `npx smartpay-migrate <dir>`. */
async function migrate(dir: string) {
  const result = await run('npx', ['--no-install', 'smartpay-migrate', dir], {
    cwd: consumerRoot(),
  })
  const rate = /converted (\d+) of (\d+) official call sites/.exec(result.stdout)
  return { ...result, converted: Number(rate?.[1]), sites: Number(rate?.[2]) }
}

describe('smartpay-migrate, from its tarball, on apps written for @smartpay/sdk-node', () => {
  it('the Express shop (CommonJS JavaScript): converts ≥ 90%, then runs the same flow', async () => {
    const dir = project('migrate-express-shop')
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const signingSecret = await registerWebhook(`${base}/webhooks/smartpay`)
    const extra = { PORT: String(port), SMARTPAY_WEBHOOK_SECRET: signingSecret }

    const original = await startApp(dir, 'server.js', extra)
    let before: unknown
    try {
      before = await shopFlow(base, 'ORDER-A')
    } finally {
      original.stop()
    }
    expect(before).toMatchObject({
      before: {
        status: 200,
        body: { status: 'requires_capture', amount: 2900, webhook: 'requires_capture' },
      },
      capture: { status: 200, body: { amount: 2900, reference: 'PAY-REF' } },
      refund: {
        status: 200,
        body: { amount: 1000, reason: 'requested_by_customer', listed: true },
      },
    })

    const migration = await migrate(dir)
    expect(migration.code, migration.stderr).toBe(0)
    expect(migration.converted / migration.sites, migration.stdout).toBeGreaterThanOrEqual(0.9)
    console.log(`express shop: converted ${migration.converted} of ${migration.sites}`)

    const migrated = await startApp(dir, 'server.js', extra)
    let after: unknown
    try {
      after = await shopFlow(base, 'ORDER-B')
    } finally {
      migrated.stop()
    }
    expect(after).toEqual(before)
  })
})
