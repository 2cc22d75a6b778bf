// Two webhook servers behind a round-robin proxy, the sandbox delivering real signed events
// with retries, one shared store (Redis, then PostgreSQL, each a real server): every event's
// effect must happen exactly once through a handler slower than the sender's timeout, one that
// throws on its first run, a server killed with SIGKILL mid-run and restarted, and one delivery
// sent to both servers at once. Nothing waits on a clock for an outcome: the slow and killed
// runs are held by the collector until the test has seen what it waits for (a timed-out attempt
// and a 409; every event started), and the end is the sandbox's settled(). Needs `pnpm build`.
import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer, request, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, describe, expect, it, vi } from 'vitest'
import {
  type DeliveryLogEntry,
  type Sandbox,
  startSandbox,
} from '../../packages/sandbox/src/index.js'
import { startPostgres } from '../support/postgresServer.js'
import { startRedis } from '../support/redisServer.js'

const handlerScript = new URL('./handler.mjs', import.meta.url).pathname
const built = new URL('../../packages/server-client/dist/webhooks-redis.js', import.meta.url)
const EVENTS = 20
// Extended every third of this while a run lives, so only a killed server's claim runs out.
const LEASE_MS = 6000
type Scenario = 'slow' | 'throws' | 'killed' | 'both'
const SCENARIOS: Scenario[] = ['slow', 'throws', 'killed', 'both']

const cleanup: (() => Promise<unknown> | unknown)[] = []
afterAll(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** Listens on a free port of 127.0.0.1; resolves to the port. */
async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanup.push(() => {
    server.closeAllConnections()
    return new Promise((resolve) => server.close(resolve))
  })
  return (server.address() as AddressInfo).port
}

const readBody = (req: import('node:http').IncomingMessage) =>
  new Promise<Buffer>((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
  })

/** What each event's runs were told and did: the handlers report here. */
function collector() {
  const scenario = new Map<string, Scenario>()
  const starts = new Map<string, number[]>()
  const effects = new Map<string, number>()
  const held = new Map<string, { pid: number; res: ServerResponse }>()
  const server = createServer(async (req, res) => {
    const { id, pid } = JSON.parse((await readBody(req)).toString()) as { id: string; pid: number }
    const answer = (action: string) => res.end(JSON.stringify({ action }))
    if (req.url === '/effect') {
      effects.set(id, (effects.get(id) ?? 0) + 1)
      return answer('ok')
    }
    const runs = [...(starts.get(id) ?? []), pid]
    starts.set(id, runs)
    const first = runs.length === 1
    const kind = scenario.get(id)
    if (first && kind === 'throws') return answer('throw')
    if (first && (kind === 'slow' || kind === 'killed')) return void held.set(id, { pid, res })
    answer('run')
  })
  return { server, scenario, starts, effects, held }
}

/** A handler process; resolves once it listens. */
async function startHandler(env: Record<string, string>) {
  const child = spawn(process.execPath, [handlerScript], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  cleanup.push(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'))
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk
      const match = /PORT (\d+)/.exec(out)
      if (match) resolve(Number(match[1]))
    })
    let err = ''
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk
    })
    child.once('exit', (code) => reject(new Error(`handler exited with ${code}:\n${err}`)))
  })
  return { child, port }
}

/** Round robin over `targets`; with `fanout`, each delivery goes to every target at once. */
function proxy(targets: number[]) {
  let next = 0
  const state = { targets, fanout: false }
  const forward = (port: number, req: import('node:http').IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; body: Buffer }>((resolve) => {
      const out = request(
        {
          host: '127.0.0.1',
          port,
          method: req.method,
          path: req.url,
          headers: req.headers,
          agent: false,
        },
        async (answer) =>
          resolve({ status: answer.statusCode ?? 502, body: await readBody(answer) }),
      )
      // A killed server: the connection is refused or reset, as a load balancer answers 502.
      out.on('error', () => resolve({ status: 502, body: Buffer.from('bad gateway') }))
      out.end(body)
    })
  const server = createServer(async (req, res) => {
    const body = await readBody(req)
    const chosen = state.fanout
      ? state.targets
      : [state.targets[next++ % state.targets.length] as number]
    const answers = await Promise.all(chosen.map((port) => forward(port, req, body)))
    const best =
      answers.find((a) => a.status === 200) ?? (answers[0] as { status: number; body: Buffer })
    res.writeHead(best.status).end(best.body)
  })
  return { server, state }
}

type Figures = Record<
  Scenario,
  { events: number; duplicates: number; lost: number; attempts: number }
>

/** Runs the four scenarios against one store; resolves to what happened to each event. */
async function fleet(store: 'redis' | 'postgres', storeUrl: string): Promise<Figures> {
  const collected = collector()
  const collectorPort = await listen(collected.server)
  const attempts = new Map<string, DeliveryLogEntry[]>()
  const sandbox: Sandbox = await startSandbox({
    // A second apart, not five: the slow runs outlast it at once. Retries for minutes, well
    // past a killed server's lease.
    webhookRetry: { baseMs: 50, maxAttempts: 14, timeoutMs: 1000 },
    onDelivery: (entry) =>
      attempts.set(entry.eventId, [...(attempts.get(entry.eventId) ?? []), entry]),
  })
  cleanup.push(() => sandbox.stop())

  const servers = proxy([])
  const proxyPort = await listen(servers.server)
  const created = await sandbox.fetch(`${sandbox.apiUrl}/webhook-endpoints`, {
    method: 'POST',
    headers: { authorization: 'Basic sk_test_fleet', 'content-type': 'application/json' },
    body: JSON.stringify({ url: `http://127.0.0.1:${proxyPort}/webhooks` }),
  })
  const { signingSecret } = (await created.json()) as { signingSecret: string }
  const env = {
    STORE: store,
    STORE_URL: storeUrl,
    SECRET: signingSecret,
    COLLECTOR: `http://127.0.0.1:${collectorPort}`,
    LEASE_MS: String(LEASE_MS),
  }
  const handlers = [await startHandler(env), await startHandler(env)]
  servers.state.targets = handlers.map((h) => h.port)

  const trigger = (scenario: Scenario) =>
    Array.from({ length: EVENTS }, () => {
      const { id } = sandbox.trigger('coupon.created')
      collected.scenario.set(id, scenario)
      return id
    })
  const release = (id: string) => {
    collected.held.get(id)?.res.end(JSON.stringify({ action: 'run' }))
    collected.held.delete(id)
  }
  const until = (check: () => void) => vi.waitFor(check, { timeout: 240_000, interval: 50 })

  // Slower than the sender's timeout: held until the attempt timed out and a retry was told
  // 409 (the run still holds its claim), then let finish.
  const slow = trigger('slow')
  await until(() => {
    for (const id of slow) {
      const seen = attempts.get(id) ?? []
      const timedOut = seen.findIndex((a) => a.error?.startsWith('no answer'))
      expect(timedOut).toBeGreaterThanOrEqual(0)
      expect(seen.slice(timedOut + 1).some((a) => a.status === 409)).toBe(true)
    }
  })
  for (const id of slow) release(id)
  await sandbox.settled()

  // Throws on its first run: released, so the retry runs it.
  trigger('throws')
  await sandbox.settled()

  // Killed mid-run: every event has started (held); the first server is killed with SIGKILL
  // and a new one takes its place; the other server's runs finish.
  const killed = trigger('killed')
  await until(() => expect(killed.every((id) => collected.held.has(id))).toBe(true))
  const victim = handlers[0] as { child: ChildProcess; port: number }
  const exited = new Promise((resolve) => victim.child.once('exit', resolve))
  victim.child.kill('SIGKILL')
  await exited
  for (const id of killed) if (collected.held.get(id)?.pid !== victim.child.pid) release(id)
  for (const id of killed) collected.held.delete(id)
  const restarted = await startHandler(env)
  servers.state.targets = [restarted.port, (handlers[1] as { port: number }).port]
  await sandbox.settled()

  // One delivery sent to both servers at once, on every attempt.
  servers.state.fanout = true
  trigger('both')
  await sandbox.settled()

  const figures = {} as Figures
  for (const scenario of SCENARIOS) {
    const ids = [...collected.scenario].filter(([, s]) => s === scenario).map(([id]) => id)
    const counts = ids.map((id) => collected.effects.get(id) ?? 0)
    figures[scenario] = {
      events: ids.length,
      duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      lost: counts.filter((n) => n === 0).length,
      attempts: ids.reduce((sum, id) => sum + (attempts.get(id)?.length ?? 0), 0),
    }
  }
  const states = sandbox.deliveries().map((d) => d.state)
  expect(states.filter((s) => s !== 'delivered')).toEqual([])
  return figures
}

describe('a fleet of two webhook servers behind a round-robin proxy', () => {
  it.each([
    ['redis', startRedis],
    ['postgres', startPostgres],
  ] as const)(
    'runs every event once with the %s store',
    { timeout: 600_000 },
    async (store, start) => {
      if (!existsSync(built))
        throw new Error('server-client is not built: run `npx -y pnpm@12.4.2 build` first')
      const server = await start()
      cleanup.push(() => server.stop())
      const figures = await fleet(store, server.url)
      console.log(`fleet, ${store} store:`, JSON.stringify(figures))
      for (const scenario of SCENARIOS) {
        expect({ scenario, ...figures[scenario] }).toMatchObject({
          scenario,
          events: EVENTS,
          duplicates: 0,
          lost: 0,
        })
      }
    },
  )
})
