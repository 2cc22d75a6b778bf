import type { Scope } from '../domain/lifecycle.js'
import type { JsonObject } from '../domain/objects.js'

/** HTTP methods the API uses. */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/** What a handler sees: the domain's scope (mode, store, time, event sink) and the request. */
export interface Context extends Scope {
  params: Record<string, string>
  query: URLSearchParams
  body: JsonObject
  /** `https://127.0.0.1:PORT`, for building checkout URLs. */
  origin: string
}

/** What a handler returns; `body: undefined` sends an empty body. */
export interface Result {
  status: number
  body?: unknown
}

/** One API operation: method, path pattern (`:id` segments) and handler. */
export interface Route {
  method: Method
  path: string
  /** A stable name such as `orders.cancel`, used for the public-key allowlist. */
  operation: string
  handler(ctx: Context): Result
}

/** A 200 with a JSON body. */
export const ok = (body: unknown): Result => ({ status: 200, body })

/** Builds a route (keeps resource files terse). */
export const route = (
  method: Method,
  path: string,
  operation: string,
  handler: Route['handler'],
): Route => ({ method, path, operation, handler })

/** A route found for a request, or the methods allowed on a known path. */
export type Match =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: Method[] }
  | { kind: 'none' }

interface Compiled {
  route: Route
  pattern: RegExp
  names: string[]
}

/** Matches `/v1`-relative paths against a route table. */
export class Router {
  readonly #compiled: Compiled[]

  constructor(routes: readonly Route[]) {
    this.#compiled = routes.map((r) => {
      const names: string[] = []
      const source = r.path.replace(/:(\w+)/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
      return { route: r, pattern: new RegExp(`^${source}/?$`), names }
    })
  }

  /** Finds the route for `method` and `path` (path relative to `/v1`). */
  match(method: string, path: string): Match {
    const allowed: Method[] = []
    for (const { route: r, pattern, names } of this.#compiled) {
      const m = pattern.exec(path)
      if (!m) continue
      if (r.method !== method) {
        allowed.push(r.method)
        continue
      }
      const params: Record<string, string> = {}
      names.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '')
      })
      return { kind: 'found', route: r, params }
    }
    return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' }
  }
}
