import { writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_KEYS } from '../../api/auth.js'
import type { RequestLogEntry, Sandbox } from '../../engine/sandbox.js'
import type { DeliveryLogEntry } from '../../webhooks/delivery.js'
import { listenKey, registerListener } from './listenCli.js'
import { startSandbox } from './server.js'
import { type CliIo, runTrigger } from './triggerCli.js'

export type { CliIo }

const USAGE = `Usage: smartpay-sandbox [options]
       smartpay-sandbox listen --forward-to <url> [options]
       smartpay-sandbox trigger <event-type> --url <sandbox url>   (see trigger --help)

A local Smartpay test-mode API over HTTPS on 127.0.0.1. \`listen\` also registers a webhook
endpoint for the --forward-to URL and prints its signing secret, for your app's environment.

Options:
  --port <n>             port to listen on (default: any free port)
  --ca-file <path>       where to write the CA certificate (default: <tmp>/smartpay-sandbox-ca.pem)
  --key <key>            accept only this key (repeatable; default: any sk_/pk_ test or live key)
  --forward-to <url>     deliver webhooks of endpoints off this machine to this local URL
  --webhook-base-ms <n>  first webhook retry delay, doubled each attempt (default: 500)
  --webhook-attempts <n> webhook attempts per event (default: 8)
  --webhook-timeout-ms <n>  how long each webhook attempt may take, answer included (default: 5000)
  --control-token <t>    the token the /__sandbox controls require (default: a fresh one, printed;
                         or SMARTPAY_SANDBOX_TOKEN)
  --quiet                do not print each request and webhook delivery
  -h, --help             show this help`

const DEFAULT_CA_FILE = join(tmpdir(), 'smartpay-sandbox-ca.pem')

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

/** One log line per webhook attempt: time, event, target, the answer (or why none), retry. */
export function formatDelivery(entry: DeliveryLogEntry): string {
  const time = new Date().toISOString().slice(11, 23)
  const answer = entry.status === undefined ? `no answer: ${entry.error}` : `${entry.status}`
  const next = entry.retryInMs === undefined ? '' : `, retry in ${entry.retryInMs}ms`
  return `${time} webhook ${entry.event} ${entry.eventId} → ${entry.target} ${answer} ${entry.ms}ms [attempt ${entry.attempt}${next}]`
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
  if (argv[0] === 'trigger')
    return { exitCode: await runTrigger(argv.slice(1), io, DEFAULT_CA_FILE) }
  const listen = argv[0] === 'listen'
  let values: ReturnType<typeof parse>['values']
  try {
    values = parse(listen ? argv.slice(1) : argv).values
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${USAGE}`)
    return { exitCode: 2 }
  }
  if (values.help) {
    io.out(USAGE)
    return { exitCode: 0 }
  }
  const numbers = {
    port: values.port,
    baseMs: values['webhook-base-ms'],
    maxAttempts: values['webhook-attempts'],
    timeoutMs: values['webhook-timeout-ms'],
  }
  for (const [name, value] of Object.entries(numbers))
    if (value !== undefined && !/^\d+$/.test(value)) {
      io.err(`${name} must be a whole number; got ${JSON.stringify(value)}.\n\n${USAGE}`)
      return { exitCode: 2 }
    }
  const forwardTo = values['forward-to']
  const key = listenKey(values.key)
  if (listen && (!forwardTo || !key)) {
    const missing = forwardTo
      ? 'an sk_test_ key among --key: it registers a test-mode endpoint'
      : '--forward-to <url>: where your app receives webhooks, e.g. http://localhost:3000/api/webhooks/smartpay'
    io.err(`listen needs ${missing}.\n\n${USAGE}`)
    return { exitCode: 2 }
  }
  let sandbox: Sandbox
  try {
    const controlToken = values['control-token'] ?? process.env.SMARTPAY_SANDBOX_TOKEN
    sandbox = await startSandbox({
      port: Number(numbers.port ?? 0),
      ...(controlToken ? { controlToken } : {}),
      ...(values.key ? { keys: values.key } : {}),
      ...(forwardTo ? { forwardTo } : {}),
      // Unset values keep the library's defaults, which --help and the README state.
      webhookRetry: {
        ...(numbers.baseMs ? { baseMs: Number(numbers.baseMs) } : {}),
        ...(numbers.maxAttempts ? { maxAttempts: Number(numbers.maxAttempts) } : {}),
        ...(numbers.timeoutMs ? { timeoutMs: Number(numbers.timeoutMs) } : {}),
      },
      ...(values.quiet
        ? {}
        : {
            onRequest: (entry: RequestLogEntry) => io.out(formatRequest(entry)),
            onDelivery: (entry: DeliveryLogEntry) => io.out(formatDelivery(entry)),
          }),
    })
  } catch (error) {
    io.err((error as Error).message)
    return { exitCode: 1 }
  }
  const caFile = resolve(values['ca-file'] ?? DEFAULT_CA_FILE)
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
  io.out(`  Helpers:        ${sandbox.url}/__sandbox/ (deliveries, faults, clock, reset)`)
  io.out(`  Control token:  ${sandbox.controlToken}  (send Authorization: Bearer <token> to them)`)
  if (listen && forwardTo && key) {
    try {
      for (const line of await registerListener(sandbox, forwardTo, key, caFile)) io.out(line)
    } catch (error) {
      await sandbox.stop()
      io.err((error as Error).message)
      return { exitCode: 1 }
    }
  } else if (forwardTo)
    io.out(`  Webhooks:       endpoints off this machine are delivered to ${forwardTo}`)
  const caOption = values['ca-file'] ? ` --ca-file ${caFile}` : ''
  io.out(
    `  Trigger:        smartpay-sandbox trigger order.authorized --url ${sandbox.url}${caOption} --token ${sandbox.controlToken}`,
  )
  return { sandbox, exitCode: 0 }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      'ca-file': { type: 'string' },
      key: { type: 'string', multiple: true },
      'forward-to': { type: 'string' },
      'webhook-base-ms': { type: 'string' },
      'webhook-attempts': { type: 'string' },
      'control-token': { type: 'string' },
      'webhook-timeout-ms': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
