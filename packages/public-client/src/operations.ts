import type { ApiPromise, ReadCallOptions } from '@smartpay-kit/core'
import type { ReadTransport } from '@smartpay-kit/core/internal'

/** One API operation: its name in the client, its method and its path template. */
export interface Operation {
  /** Where the client exposes it, e.g. `checkoutSessions.retrieve`. */
  readonly name: string
  /** Always `GET`: a public key only reads, and the client's transport can send nothing else. */
  readonly method: 'GET'
  /** Path below the base URL; `{name}` marks a path parameter. */
  readonly path: `/${string}`
  /** Query parameters the operation accepts; any other is refused. */
  readonly query: readonly string[]
}

/**
 * Every API operation the public client can call — the whole surface a `pk_` key is given.
 * The client is built from this list and can send nothing else, so adding an entry here
 * is the one place to review what a browser may do with the merchant's account.
 */
export const PUBLIC_OPERATIONS = [
  {
    name: 'checkoutSessions.retrieve',
    method: 'GET',
    path: '/checkout-sessions/{id}',
    query: ['expand'],
  },
] as const satisfies readonly Operation[]

/** The name of an operation in {@link PUBLIC_OPERATIONS}. */
export type PublicOperationName = (typeof PUBLIC_OPERATIONS)[number]['name']

/** Per-call options of the public client's API calls. */
export type RequestOptions = ReadCallOptions

/** Sends one operation of {@link PUBLIC_OPERATIONS}, filling its path parameters. */
export type OperationCaller = <T>(
  name: PublicOperationName,
  params: Readonly<Record<string, string>>,
  options?: RequestOptions,
  query?: Readonly<Record<string, string | undefined>>,
) => ApiPromise<T>

/**
 * The only way the public client reaches the transport: by the name of a listed operation.
 * Path parameters are URI-encoded; a missing one throws before anything is sent.
 */
export function createOperationCaller(transport: ReadTransport): OperationCaller {
  return (name, params, options, query) => {
    const operation = PUBLIC_OPERATIONS.find((candidate) => candidate.name === name)
    if (!operation) throw new Error(`${name} is not a public operation.`)
    const path = operation.path.replace(/\{(\w+)\}/g, (_, param: string) => {
      const value = params[param]
      if (value === undefined) throw new Error(`${name} needs the path parameter "${param}".`)
      return encodeURIComponent(value)
    })
    for (const param in query) {
      if (!(operation.query as readonly string[]).includes(param)) {
        throw new Error(`${name} takes no query parameter "${param}".`)
      }
    }
    return transport.request({ method: operation.method, path, query, options })
  }
}
