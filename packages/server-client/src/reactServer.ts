/**
 * @smartpay-kit/server-client under React Server Components (the `react-server` export
 * condition, which Next.js's App Router sets): the same API, and the secret key every client and
 * transport is made with tainted with React's taint API where it is on, so that passing the key
 * (or the client, or its `Basic`/`Bearer` header value) to a Client Component fails the render
 * with this package's message. Next.js turns the taint API on with `experimental: { taint: true }`.
 * @packageDocumentation
 */
import type { Transport } from '@smartpay-kit/core'
import * as React from 'react'
// Only what the main entry exports: so dist/index.js stays the package's code, and this entry
// a small module that imports it (an internal import would move that code to a shared chunk).
import {
  createServerClient as createClient,
  createServerTransport as createTransport,
  parseSecretKey,
  type SecretKey,
  type ServerClient,
  type ServerClientOptions,
} from './index.js'
import { taintSecretKey } from './taint/taintSecretKey.js'

export * from './index.js'

/**
 * The key a client was just made with (so already checked): the one passed, or
 * `SMARTPAY_SECRET_KEY` from `process.env`, which React Server Components' runtimes have;
 * `undefined` when the client reads it at its first call.
 */
function keyOf(options: ServerClientOptions): SecretKey | undefined {
  if (options.secretKey !== undefined) return options.secretKey
  try {
    const value = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
      ?.env?.SMARTPAY_SECRET_KEY
    return value ? parseSecretKey(value) : undefined
  } catch {
    return undefined
  }
}

/**
 * Creates a client for the Smartpay API with a secret key, as the main entry does, and taints
 * the key (with its header values) and the client for React Server Components.
 * @example const smartpay = createServerClient({ secretKey: parseSecretKey(process.env.SMARTPAY_SECRET_KEY) })
 */
export function createServerClient(options: ServerClientOptions = {}): ServerClient {
  const client = createClient(options)
  taintSecretKey(React, keyOf(options), client)
  return client
}

/**
 * The transport a server client stands on, as the main entry makes it, with its key (and the
 * header values made from it) and the transport tainted for React Server Components.
 */
export function createServerTransport(options: ServerClientOptions = {}): Transport {
  const transport = createTransport(options)
  taintSecretKey(React, keyOf(options), transport)
  return transport
}
