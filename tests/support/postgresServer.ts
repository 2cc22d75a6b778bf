// A real PostgreSQL for the store tests: a new cluster (initdb) in a temporary folder, on a
// free port on 127.0.0.1, fsync off; stopped by `stop()`. PostgreSQL refuses to run as root,
// so as root (CI) it runs as Debian's `postgres` user. CI installs Debian's postgresql
// (scripts/ensure-services.mjs).
import { execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { stopChild } from './redisServer.js'
import { freePort, untilLine } from './services.js'

/** A running PostgreSQL server. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust authentication). */
  url: string
  port: number
  stop(): Promise<void>
}

/** The newest installed PostgreSQL's bin folder (Debian: /usr/lib/postgresql/<major>/bin). */
function binaries(): string {
  const root = '/usr/lib/postgresql'
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((major) => existsSync(join(root, major, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (majors[0] === undefined) {
    throw new Error(`No PostgreSQL under ${root}: apt-get install postgresql`)
  }
  return join(root, majors[0], 'bin')
}

/** Starts a new cluster; resolves once it accepts connections. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = binaries()
  const dir = mkdtempSync(join(tmpdir(), 'smartpay-postgres-'))
  // As root, everything runs as `postgres`, which must own the folder.
  const asUser = process.getuid?.() === 0 ? userIds('postgres') : undefined
  if (asUser) chownSync(dir, asUser.uid, asUser.gid)
  const data = join(dir, 'data')
  execFileSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C'],
    { stdio: 'pipe', ...asUser },
  )
  const port = await freePort()
  const child = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-k',
      dir,
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], ...asUser },
  )
  try {
    await untilLine(
      child,
      'stderr',
      /ready to accept connections/,
      'postgres (apt-get install postgresql)',
    )
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    // SIGINT: a fast shutdown, which ends open connections.
    stop: () => stopChild(child, 'SIGINT', dir),
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, name], { encoding: 'utf8' }).trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    throw new Error(
      `PostgreSQL will not run as root, and there is no "${name}" user to run it as: apt-get install postgresql creates one.`,
    )
  }
}
