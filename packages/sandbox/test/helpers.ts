import { Agent, fetch as undiciFetch } from 'undici'
import { type Sandbox, type SandboxOptions, startSandbox } from '../src/index.js'

/** Keys used across the tests. */
export const SK = 'sk_test_sandboxSecretKey000001'
export const PK = 'pk_test_sandboxPublicKey000001'
export const SK_LIVE = 'sk_live_sandboxSecretKey000001'

/** A parsed response. */
export interface Res {
  status: number
  headers: Headers
  text: string
  // biome-ignore lint/suspicious/noExplicitAny: tests poke into arbitrary JSON
  json: any
}

/** Options of one call. */
export interface CallOptions {
  key?: string | null
  /** A full Authorization header (overrides `key`). */
  authorization?: string
  /** `raw` only: the control token sent (`null`: none). @default the sandbox's */
  token?: string | null
  body?: unknown
  raw?: string
  headers?: Record<string, string>
  signal?: AbortSignal
}

/** A started sandbox plus a fetch that trusts its CA. */
export interface Harness {
  sandbox: Sandbox
  fetch: (url: string, init?: Parameters<typeof undiciFetch>[1]) => ReturnType<typeof undiciFetch>
  /** Calls `/v1${path}` with the secret test key unless told otherwise. */
  call(method: string, path: string, options?: CallOptions): Promise<Res>
  /** Calls any path of the sandbox (e.g. `/__sandbox/deliveries`) with its control token, no key. */
  raw(method: string, path: string, options?: CallOptions): Promise<Res>
  close(): Promise<void>
}

const toRes = async (response: Awaited<ReturnType<typeof undiciFetch>>): Promise<Res> => {
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers as unknown as Headers, text, json }
}

/** Starts a sandbox with fast webhook retries. */
export async function harness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({
    webhookRetry: { baseMs: 20, maxAttempts: 4, timeoutMs: 2000 },
    ...options,
  })
  const dispatcher = new Agent({ connect: { ca: sandbox.ca } })
  const trusted: Harness['fetch'] = (url, init) =>
    undiciFetch(url, { redirect: 'manual', ...init, dispatcher })
  const request = async (url: string, method: string, options: CallOptions = {}) => {
    const headers: Record<string, string> = { ...options.headers }
    const key = options.key === undefined ? SK : options.key
    if (options.authorization) headers.authorization = options.authorization
    else if (key) headers.authorization = `Basic ${key}`
    let body: string | undefined = options.raw
    if (options.body !== undefined) {
      body = JSON.stringify(options.body)
      headers['content-type'] = 'application/json'
    }
    return toRes(
      await trusted(url, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
        ...(options.signal ? { signal: options.signal } : {}),
      }),
    )
  }
  return {
    sandbox,
    fetch: trusted,
    call: (method, path, options) => request(`${sandbox.apiUrl}${path}`, method, options),
    raw: (method, path, { token = sandbox.controlToken, ...options } = {}) =>
      request(`${sandbox.url}${path}`, method, {
        key: null,
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...options,
      }),
    close: async () => {
      await sandbox.stop()
      await dispatcher.close()
    },
  }
}

/** A valid order-mode checkout session body. */
export function orderSessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    amount: 3000,
    currency: 'JPY',
    items: [
      { name: 'Green tea', amount: 1000, currency: 'JPY', quantity: 2 },
      { name: 'Teapot', amount: 1000, currency: 'JPY' },
    ],
    customerInfo: { emailAddress: 'shopper@example.com', firstName: 'Hanako' },
    shippingInfo: {
      address: {
        line1: '1-2-3 Jingumae',
        locality: 'Shibuya-ku',
        postalCode: '150-0001',
        country: 'JP',
      },
    },
    successUrl: 'https://merchant.example/done?cart=42',
    cancelUrl: 'https://merchant.example/cart',
    ...overrides,
  }
}

/** A valid token-mode checkout session body. */
export function tokenSessionBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    mode: 'token',
    customerInfo: { emailAddress: 'shopper@example.com' },
    successUrl: 'https://merchant.example/saved',
    cancelUrl: 'https://merchant.example/account',
    ...overrides,
  }
}

/** A valid body for an order charged to a token. */
export function tokenOrderBody(token: string, overrides: Record<string, unknown> = {}) {
  const { successUrl: _s, cancelUrl: _c, ...order } = orderSessionBody()
  return { ...order, token, ...overrides }
}

/** Creates an order-mode session and authorizes it as the shopper would. */
export async function authorizedOrder(h: Harness, overrides: Record<string, unknown> = {}) {
  const session = await h.call('POST', '/checkout-sessions', { body: orderSessionBody(overrides) })
  if (session.status !== 200) throw new Error(`session: ${session.text}`)
  const outcome = h.sandbox.authorize(session.json.id)
  if (!outcome.order) throw new Error('no order')
  return { session: session.json, order: outcome.order }
}
