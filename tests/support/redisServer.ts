// A real redis-server for the store tests: on a free port on 127.0.0.1, in a temporary folder,
// no persistence; stopped by `stop()`. CI installs Debian's redis-server (scripts/ensure-services.mjs).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, untilLine } from './services.js'

/** A running redis-server. */
export interface RedisServer {
  url: string
  port: number
  stop(): Promise<void>
}

/** Starts redis-server; resolves once it accepts connections. */
export async function startRedis(): Promise<RedisServer> {
  const dir = mkdtempSync(join(tmpdir(), 'smartpay-redis-'))
  const port = await freePort()
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  try {
    await untilLine(
      child,
      'stdout',
      /Ready to accept connections/,
      'redis-server (apt-get install redis-server)',
    )
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopChild(child, 'SIGTERM', dir),
  }
}

/** @internal Stops a server process and removes its folder. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals, dir: string) {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill(signal)
    await exited
  }
  rmSync(dir, { recursive: true, force: true })
}
