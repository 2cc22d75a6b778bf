import { redactKeys } from './redact.js'
import { redactValue } from './redactValue.js'

/** Brand shared by every copy of core, so guards work across duplicated installs. */
const BRAND = Symbol.for('@smartpay-kit/error')

/** Everything known about the call an error came from. */
export interface ErrorContext {
  /** HTTP status, when the API answered. */
  status?: number | undefined
  /** The API's `errorCode`, e.g. `order.cannot-capture`. */
  code?: string | undefined
  /** The API's `details`, or valibot's issues for a {@link ValidationError}. */
  details?: unknown
  method?: string | undefined
  path?: string | undefined
  idempotencyKey?: string | undefined
  requestId?: string | undefined
  /** The response's headers, when the API (or a proxy) answered. */
  headers?: Headers | undefined
  cause?: unknown
}

/** The context fields every error carries, in the order `toJSON` lists them. */
const FIELDS = [
  'status',
  'code',
  'details',
  'method',
  'path',
  'idempotencyKey',
  'requestId',
] as const satisfies readonly (keyof ErrorContext)[]

type ErrorClass = { kind: string } & (abstract new (...args: never[]) => SmartpayError)

/**
 * Base class of every error this library throws. `instanceof` works across two installed
 * copies of core. Holds no key and no `Authorization` header, in any form.
 */
export class SmartpayError extends Error {
  /** Stable class name, immune to minification. */
  static readonly kind: string = 'SmartpayError'

  /** `instanceof` by brand and kind, so it also holds for errors from another copy of core. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    const lineage = (value as { [BRAND]?: unknown } | null | undefined)?.[BRAND]
    // `this` is the class on the right of `instanceof`: a subclass checks for its own kind.
    // biome-ignore lint/complexity/noThisInStatic: the point is the subclass, not SmartpayError
    return Array.isArray(lineage) && lineage.includes(this.kind)
  }

  declare readonly status: number | undefined
  declare readonly code: string | undefined
  declare readonly details: unknown
  declare readonly method: string | undefined
  declare readonly path: string | undefined
  declare readonly idempotencyKey: string | undefined
  declare readonly requestId: string | undefined
  /** The response's headers, when the API (or a proxy) answered (`retry-after`, your trace ids). */
  declare readonly headers: Headers | undefined

  constructor(message: string, context: ErrorContext = {}) {
    // Every text an error carries is redacted here too, by the compact redaction: the last
    // net under the transport's own (the deep one on servers), which has redacted the cause
    // chain already.
    super(redactKeys(message), context.cause === undefined ? undefined : { cause: context.cause })
    const lineage: string[] = []
    for (let c = new.target as unknown as ErrorClass; c?.kind; c = Object.getPrototypeOf(c)) {
      if (lineage.at(-1) !== c.kind) lineage.push(c.kind)
    }
    Object.defineProperty(this, BRAND, { value: lineage })
    this.name = (new.target as unknown as ErrorClass).kind
    for (const field of [...FIELDS, 'headers'] as const) {
      ;(this as Record<string, unknown>)[field] = redactValue(context[field])
    }
  }

  /** The API's name for {@link code}, kept for users of the official SDK. */
  get errorCode(): string | undefined {
    return this.code
  }

  /** The error's fields for logs: name, message, status, code, details, method, path, ids. */
  toJSON(): Record<string, unknown> {
    const json: Record<string, unknown> = { name: this.name, message: this.message }
    for (const field of FIELDS) json[field] = this[field]
    return json
  }
}

/** True for any error thrown by this library, from any installed copy. */
export function isSmartpayError(value: unknown): value is SmartpayError {
  return value instanceof SmartpayError
}
