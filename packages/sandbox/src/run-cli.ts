import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_KEYS } from './auth.js'
import type { RequestLogEntry, Sandbox } from './sandbox.js'
import { startSandbox } from './server.js'

/** Where the CLI writes its lines. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
}

const USAGE = `Usage: smartpay-sandbox [options]

A local Smartpay test-mode API over HTTPS on 127.0.0.1.

Options:
  --port <n>            port to listen on (default: any free port)
  --ca-file <path>      where to write the CA certificate (default: <tmp>/smartpay-sandbox-ca.pem)
  --key <key>           accept only this key (repeatable; default: any sk_/pk_ test or live key)
  --webhook-base-ms <n> first webhook retry delay, doubled each attempt (default: 1000)
  --webhook-attempts <n> webhook attempts per event (default: 8)
  --quiet               do not print each request
  -h, --help            show this help`

/** One log line per request: time, method, path, status, duration, mode and flags. */
export function formatRequest(entry: RequestLogEntry): string {
  const flags = [
    entry.mode,
    entry.replayed ? 'replayed' : '',
    entry.fault ? `fault:${entry.fault}` : '',
  ]
  const extra = flags.filter(Boolean).join(' ')
  const time = new Date().toISOString().slice(11, 23)
  return `${time} ${entry.method} ${entry.path} → ${entry.status} ${entry.ms}ms ${entry.requestId}${extra ? ` [${extra}]` : ''}`
}

/**
 * Runs the CLI: parses `argv`, starts the sandbox and prints its URL, the CA file and the test
 * keys. Resolves with the running sandbox, or `undefined` after `--help` or a usage error
 * (then `process.exitCode` is left to the caller via the returned code).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
): Promise<{ sandbox?: Sandbox; exitCode: number }> {
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(argv).values
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`)
    return { exitCode: 2 }
  }
  if (values.help) {
    io.out(USAGE)
    return { exitCode: 0 }
  }
  const number = (value: string | undefined, fallback: number) =>
    value === undefined ? fallback : Number(value)
  const sandbox = await startSandbox({
    port: number(values.port, 0),
    ...(values.key ? { keys: values.key } : {}),
    webhookRetry: {
      baseMs: number(values['webhook-base-ms'], 1000),
      maxAttempts: number(values['webhook-attempts'], 8),
    },
    ...(values.quiet
      ? {}
      : { onRequest: (entry: RequestLogEntry) => io.out(formatRequest(entry)) }),
  })
  const caFile = resolve(values['ca-file'] ?? join(tmpdir(), 'smartpay-sandbox-ca.pem'))
  await writeFile(caFile, sandbox.ca)
  const keys = values.key ?? [DEFAULT_KEYS.secret, DEFAULT_KEYS.public]
  io.out(`Smartpay sandbox listening on ${sandbox.url}`)
  io.out(`  API base URL:   ${sandbox.apiUrl}`)
  io.out(`  CA certificate: ${caFile}`)
  io.out(`  Trust it:       NODE_EXTRA_CA_CERTS=${caFile} node your-app.js`)
  io.out(
    `  Keys:           ${keys.join('  ')}${values.key ? '' : '  (any sk_/pk_ test or live key works)'}`,
  )
  io.out(`  Checkout pages: ${sandbox.url}/checkout/<sessionId>`)
  io.out(`  Helpers:        ${sandbox.url}/__sandbox/ (deliveries, faults, reset)`)
  return { sandbox, exitCode: 0 }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'ca-file': { type: 'string' },
      key: { type: 'string', multiple: true },
      'webhook-base-ms': { type: 'string' },
      'webhook-attempts': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
