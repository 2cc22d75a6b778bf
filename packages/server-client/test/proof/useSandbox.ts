import {
  DEFAULT_KEYS,
  type RequestLogEntry,
  type Sandbox,
  startSandbox,
} from '@smartpay-kit/sandbox'
import { afterAll, beforeAll, beforeEach } from 'vitest'
import { trustingFetch } from '../../../../tests/support/trustingFetch'
import { createServerClient, type ServerClient, type ServerClientOptions } from '../../src/index.js'

/** One attempt as it left the client, seen at its `fetch`. */
export interface SentRequest {
  method: string
  path: string
  idempotencyKey: string | null
}

/** A sandbox for one test file, with both ends of the wire on record. */
export interface SandboxHarness {
  readonly sandbox: Sandbox
  /** What the sandbox served since the last reset (its `onRequest` log). */
  readonly served: RequestLogEntry[]
  /** Every attempt the harness's clients made since the last reset. */
  readonly sent: SentRequest[]
  /** A client on the sandbox's default test key whose attempts land in {@link sent}. */
  client(options?: ServerClientOptions): ServerClient
  /** Empties both logs, e.g. after a test's set-up calls. */
  forget(): void
}

/**
 * Starts one sandbox for the file; each test starts with an empty store, no faults and empty
 * logs. With `record: false` nothing is logged, for runs where the log itself would be noise.
 */
export function useSandbox({ record = true }: { record?: boolean } = {}): SandboxHarness {
  const served: RequestLogEntry[] = []
  const sent: SentRequest[] = []
  let sandbox: Sandbox | undefined
  let trusted: typeof fetch | undefined

  beforeAll(async () => {
    sandbox = await startSandbox(record ? { onRequest: (entry) => served.push(entry) } : {})
    trusted = trustingFetch(sandbox.ca)
  })
  afterAll(() => sandbox?.stop())
  const forget = () => {
    served.length = 0
    sent.length = 0
  }
  beforeEach(() => {
    sandbox?.reset()
    forget()
  })

  const recording: typeof fetch = (input, init) => {
    if (!trusted) throw new Error('the sandbox is not started')
    if (record) {
      // ky hands fetch a Request; read it without touching its body.
      const request = input instanceof Request ? input : undefined
      const url = request?.url ?? (input instanceof URL ? input.href : String(input))
      sent.push({
        method: request?.method ?? init?.method ?? 'GET',
        path: new URL(url).pathname,
        idempotencyKey: new Headers(request?.headers ?? init?.headers).get('idempotency-key'),
      })
    }
    return trusted(input, init)
  }

  return {
    get sandbox() {
      if (!sandbox) throw new Error('the sandbox is not started')
      return sandbox
    },
    served,
    sent,
    forget,
    client: (options = {}) =>
      createServerClient({
        secretKey: DEFAULT_KEYS.secret,
        baseUrl: `${sandbox?.apiUrl}`,
        fetch: recording,
        ...options,
      }),
  }
}

/** Starts a clock; the returned function reads the milliseconds since. */
export function stopwatch(): () => number {
  const started = performance.now()
  return () => performance.now() - started
}
