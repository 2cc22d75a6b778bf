// What the Redis and PostgreSQL test servers share: a free port, and waiting for a log line.
import type { ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'

/** A port nothing listens on now (the OS picks it; the server binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/**
 * Resolves when the child prints a line matching `ready` on `stream`; rejects, with what it
 * printed, if it exits first or cannot start (`what` says what to install).
 */
export function untilLine(
  child: ChildProcess,
  stream: 'stdout' | 'stderr',
  ready: RegExp,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = ''
    const listen = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      output += chunk.toString()
      if (which === stream && ready.test(output)) resolve()
    }
    child.stdout?.on('data', listen('stdout'))
    child.stderr?.on('data', listen('stderr'))
    child.once('error', (error) => reject(new Error(`Could not start ${what}: ${error.message}`)))
    child.once('exit', (code) =>
      reject(new Error(`${what} exited with ${code} before it was ready:\n${output}`)),
    )
  })
}
