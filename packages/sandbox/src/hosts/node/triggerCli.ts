import { readFile } from 'node:fs/promises'
import { request } from 'node:https'
import { parseArgs } from 'node:util'
import { EVENT_TYPES, type WebhookEvent } from '../../domain/events.js'
import type { Delivery } from '../../webhooks/delivery.js'

/** Where the CLI writes its lines. */
export interface CliIo {
  out(line: string): void
  err(line: string): void
}

/** The usage of `smartpay-sandbox trigger`. */
export const TRIGGER_USAGE = `Usage: smartpay-sandbox trigger <event-type> --url <sandbox url> [options]

Emits a realistic event in a running sandbox (creating the order, token or coupon it needs) and
delivers it to the registered webhook endpoints.

Options:
  --url <url>           the running sandbox, e.g. https://127.0.0.1:4242 (or SMARTPAY_SANDBOX_URL)
  --token <token>       the control token it printed at start (or SMARTPAY_SANDBOX_TOKEN)
  --ca-file <path>      the CA the sandbox wrote (default: <tmp>/smartpay-sandbox-ca.pem)
  --mode <test|live>    which mode's endpoints get it (default: test)
  -h, --help            show this help

Event types: ${EVENT_TYPES.join(', ')}`

/** Sends JSON to the sandbox's controls over HTTPS, trusting only its CA, with its token. */
function call(
  url: URL,
  ca: string,
  token: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const method = body === undefined ? 'GET' : 'POST'
    const headers = {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    }
    const req = request(url, { method, ca, headers })
    req.on('response', (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        text += chunk
      })
      res.on('end', () => {
        try {
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) })
        } catch {
          reject(
            new Error(`the sandbox answered ${res.statusCode} with no JSON: ${text.slice(0, 200)}`),
          )
        }
      })
    })
    req.on('error', reject)
    req.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

/** One line per delivery: where it went and how it ended. */
const describeDelivery = (d: Delivery) =>
  d.state === 'undeliverable'
    ? `  ${d.endpointId} ${d.url}: undeliverable (not on this machine; start the sandbox with --forward-to <local url>)`
    : `  ${d.endpointId} ${d.url}${d.target !== d.url ? ` → ${d.target}` : ''}: ${d.state}${attempt(d)}`

const attempt = (d: Delivery) => {
  const last = d.attempts.at(-1)
  if (!last) return ''
  return last.status === undefined ? ` (${last.error})` : ` (HTTP ${last.status})`
}

/** The event's deliveries once each has had its first attempt (or after about 10 s). */
async function firstAttempts(
  url: URL,
  ca: string,
  token: string,
  eventId: string,
): Promise<Delivery[]> {
  for (let tries = 0; ; tries++) {
    const { json } = await call(url, ca, token)
    const mine = (json as { data: Delivery[] }).data.filter((d) => d.eventId === eventId)
    const waiting = mine.some((d) => d.state === 'pending' && d.attempts.length === 0)
    if (!waiting || tries >= 100) return mine
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Runs `smartpay-sandbox trigger …` against a running sandbox's control API. */
export async function runTrigger(
  argv: readonly string[],
  io: CliIo,
  defaultCaFile: string,
): Promise<number> {
  let parsed: ReturnType<typeof parse>
  try {
    parsed = parse(argv)
  } catch (error) {
    io.err(`${(error as Error).message}\n\n${TRIGGER_USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    io.out(TRIGGER_USAGE)
    return 0
  }
  const type = positionals[0]
  const base = values.url ?? process.env.SMARTPAY_SANDBOX_URL
  const token = values.token ?? process.env.SMARTPAY_SANDBOX_TOKEN
  const problem =
    type === undefined || !(EVENT_TYPES as readonly string[]).includes(type)
      ? `Give one event type; got ${type === undefined ? 'none' : JSON.stringify(type)}.`
      : base === undefined
        ? 'Give the running sandbox with --url (it prints its URL when it starts).'
        : token === undefined
          ? 'Give the control token with --token (the sandbox prints it when it starts).'
          : values.mode !== undefined && values.mode !== 'test' && values.mode !== 'live'
            ? '--mode is test or live.'
            : undefined
  if (problem || base === undefined || token === undefined) {
    io.err(`${problem}\n\n${TRIGGER_USAGE}`)
    return 2
  }
  const caFile = values['ca-file'] ?? defaultCaFile
  let ca: string
  try {
    ca = await readFile(caFile, 'utf8')
  } catch {
    io.err(`Cannot read the sandbox's CA at ${caFile}; pass --ca-file (the sandbox prints it).`)
    return 1
  }
  try {
    const { status, json } = await call(new URL('/__sandbox/trigger', base), ca, token, {
      event: type,
      mode: values.mode ?? 'test',
    })
    if (status !== 200) {
      io.err(`The sandbox refused: ${(json as { message?: string }).message ?? status}`)
      return 1
    }
    const { event } = json as { event: WebhookEvent }
    const deliveries = await firstAttempts(
      new URL('/__sandbox/deliveries', base),
      ca,
      token,
      event.id,
    )
    io.out(
      `Triggered ${event.event} (${event.id}), ${event.eventData.data.object} ${event.eventData.data.id}`,
    )
    if (deliveries.length === 0)
      io.out(
        '  No webhook endpoint subscribes to it: register one with POST /v1/webhook-endpoints.',
      )
    for (const delivery of deliveries) io.out(describeDelivery(delivery))
    return 0
  } catch (error) {
    io.err(`Cannot reach the sandbox at ${base}: ${(error as Error).message}`)
    return 1
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      'ca-file': { type: 'string' },
      mode: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
}
