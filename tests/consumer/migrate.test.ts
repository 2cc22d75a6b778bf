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
  const missing = await fetch(`${base}/orders/order_test_0000000000000000000000`)
  const unknown = { status: missing.status, body: await missing.json() }
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
      unknown,
      capture,
      refund,
    },
    reference,
  )
}

/** The Next.js-style app's flow: the same steps through its route modules. */
async function nextFlow(base: string, reference: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? null : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const checkout = await call('POST', '/api/checkout', {
    cart: [{ name: 'Hojicha', price: 800, qty: 3 }],
    reference,
  })
  const { order } = sandbox.authorize(checkout.body.id as string)
  await sandbox.settled()
  const orderId = order?.id as string
  const url = new URL(checkout.body.url as string)
  return normal(
    {
      checkout: { ...checkout, body: { ...checkout.body, url: url.origin === sandbox.url } },
      order: await call('GET', `/api/orders/${orderId}`),
      notFound: await call('GET', '/api/orders/nonsense'),
      seen: (await call('GET', '/api/seen')).body[orderId] ?? null,
      capture: await call('POST', `/api/orders/${orderId}/capture`),
    },
    reference,
  )
}

/** The nightly job: `setup` opens checkouts, the shoppers authorize, `run` does the back office. */
async function cronFlow(dir: string, runName: string) {
  const job = async (phase: string) => {
    const result = await run('npx', ['-y', 'node@22', 'nightly.mjs', phase], {
      cwd: dir,
      env: { ...env, RUN: runName },
    })
    expect(result.code, result.stderr).toBe(0)
    return JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
  }
  const setup = await job('setup')
  for (const id of [...(setup.sessions as string[]), setup.tokenSession as string])
    sandbox.authorize(id)
  await sandbox.settled()
  return normal({ setup, report: await job('run') }, runName)
}

/** Type-checks (and builds) a TypeScript app with TypeScript 6.0, as its CI would. */
function tsc(dir: string, ...args: string[]) {
  return run(join(consumerRoot(), 'node_modules/ts60/bin/tsc'), ['-p', dir, ...args], { cwd: dir })
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
      unknown: { status: 404, body: { error: 'order.not-found' } },
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

  it('the Next.js-style route modules (TypeScript, ESM): converts ≥ 90%, type-checks, runs the same flow', async () => {
    const dir = project('migrate-next-routes')
    const port = await freePort()
    const base = `http://127.0.0.1:${port}`
    const signingSecret = await registerWebhook(`${base}/api/webhooks/smartpay`)
    const extra = { PORT: String(port), SMARTPAY_WEBHOOK_SECRET: signingSecret }

    // The official SDK's types hide its methods: the app type-checks only through its `any`s.
    const built = await tsc(dir)
    expect(built.stdout, 'the original builds').toBe('')
    const original = await startApp(dir, 'dist/server.js', extra)
    let before: unknown
    try {
      before = await nextFlow(base, 'NEXT-A')
    } finally {
      original.stop()
    }
    expect(before).toMatchObject({
      checkout: { status: 200, body: { amount: 2900, url: true } },
      order: { status: 200, body: { status: 'requires_capture', amount: 2900 } },
      notFound: { status: 404 },
      seen: 'requires_capture',
      capture: { status: 200, body: { captured: 2900, refunded: 500 } },
    })

    const migration = await migrate(dir)
    expect(migration.code, migration.stderr).toBe(0)
    expect(migration.converted / migration.sites, migration.stdout).toBeGreaterThanOrEqual(0.9)
    console.log(`next routes: converted ${migration.converted} of ${migration.sites}`)

    const checked = await tsc(dir)
    expect(checked.stdout, 'the migrated app type-checks').toBe('')
    expect(checked.code).toBe(0)
    const migrated = await startApp(dir, 'dist/server.js', extra)
    let after: unknown
    try {
      after = await nextFlow(base, 'NEXT-B')
    } finally {
      migrated.stop()
    }
    expect(after).toEqual(before)
  })

  it('the nightly job (ESM JavaScript): converts ≥ 90%, then does the same back office', async () => {
    const dir = project('migrate-cron-job')
    const before = await cronFlow(dir, 'CRONA')
    expect(before).toMatchObject({
      setup: { same: true, listed: true },
      report: {
        campaign: { name: 'Spring sale', campaign: 'spring', listed: true },
        captured: 2,
        refund: { amount: 400, description: 'damaged box', listed: true },
        token: { order: true, disabled: 'disabled', enabled: 'active' },
        webhooks: { description: 'nightly', listed: true, secret: 'string' },
        raw: true,
      },
    })

    const migration = await migrate(dir)
    expect(migration.code, migration.stderr).toBe(0)
    expect(migration.converted / migration.sites, migration.stdout).toBeGreaterThanOrEqual(0.9)
    console.log(`nightly job: converted ${migration.converted} of ${migration.sites}`)

    expect(await cronFlow(dir, 'CRONB')).toEqual(before)
  })

  it('the admin command line (TypeScript compiled to CommonJS): converts ≥ 90%, type-checks, prints the same', async () => {
    const dir = project('migrate-admin-cli')
    const admin = async (runName: string) => {
      const result = await run('npx', ['-y', 'node@22', 'dist/admin.js'], {
        cwd: dir,
        env: { ...env, RUN: runName },
      })
      expect(result.code, result.stderr).toBe(0)
      return normal(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}'), runName)
    }
    // The official package's CommonJS entry has no types of its own: the original builds with errors.
    await tsc(dir)
    const before = await admin('ADMA')
    expect(before).toMatchObject({
      coupon: 10,
      code: 'NEWSREF',
      valid: true,
      link: 'NEWSREF',
      amount: 1500,
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    })

    const migration = await migrate(dir)
    expect(migration.code, migration.stderr).toBe(0)
    expect(migration.converted / migration.sites, migration.stdout).toBeGreaterThanOrEqual(0.9)
    console.log(`admin cli: converted ${migration.converted} of ${migration.sites}`)

    const checked = await tsc(dir)
    expect(checked.stdout, 'the migrated app type-checks').toBe('')
    expect(checked.code).toBe(0)
    expect(await admin('ADMB')).toEqual(before)
  })
})
