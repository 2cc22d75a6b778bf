import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** How a command ended: its exit code and everything it printed. */
export interface Outcome {
  code: number
  output: string
}

/** The environment every command of an example gets: no telemetry, no colours, no banners. */
const QUIET = {
  NEXT_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_HIDE_BANNER: 'true',
  // wrangler dev would fetch Request.cf from Cloudflare at start; nothing leaves 127.0.0.1.
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
}

/** This process's environment less what would leak into a child: Vitest's and the secrets'. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _, ...inherited } = process.env
  for (const name of Object.keys(inherited)) {
    if (name.startsWith('SMARTPAY_') || name.startsWith('VITEST')) delete inherited[name]
  }
  return { ...inherited, ...QUIET, ...env }
}

/** Runs `node script args…` in `cwd` to its end. */
export function run(
  node: string,
  cwd: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(
      node,
      args,
      { cwd, env: childEnv(env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, output: `${stdout}\n${stderr}` })
      },
    )
  })
}

/** A free port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A server process started by {@link serve}. */
export interface Served {
  /** Everything it printed so far. */
  log(): string
  /** Ends it and everything it started (wrangler starts workerd). */
  stop(): Promise<void>
}

/**
 * Starts `node args…` in `cwd` in its own process group and resolves once `url` answers HTTP.
 * Waits for an answer, not for a time: the test's timeout stops one that never comes up.
 */
export async function serve(
  node: string,
  cwd: string,
  args: readonly string[],
  env: Record<string, string>,
  url: string,
): Promise<Served> {
  let log = ''
  const child: ChildProcess = spawn(node, args, { cwd, env: childEnv(env), detached: true })
  child.stdout?.on('data', (chunk) => {
    log += chunk
  })
  child.stderr?.on('data', (chunk) => {
    log += chunk
  })
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return
    process.kill(-child.pid, 'SIGTERM')
    await exited
  }
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${args.join(' ')} exited ${child.exitCode}:\n${log}`)
    const up = await fetch(url, { redirect: 'manual' }).then(
      () => true,
      () => false,
    )
    if (up) return { log: () => log, stop }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
