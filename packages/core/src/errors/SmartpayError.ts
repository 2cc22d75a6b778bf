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
  cause?: unknown
}

type ErrorClass = { kind: string } & (abstract new (...args: never[]) => SmartpayError)

/**
 * Base class of every error this library throws. `instanceof` works across two installed
 * copies of core. Holds no key and no `Authorization` header, in any form.
 */
export class SmartpayError extends Error {
  /** Stable class name, immune to minification. */
  static readonly kind: string = 'SmartpayError'

  static override [Symbol.hasInstance](value: unknown): boolean {
    const lineage = (value as { [BRAND]?: unknown } | null | undefined)?.[BRAND]
    // `this` is the class on the right of `instanceof`: a subclass checks for its own kind.
    // biome-ignore lint/complexity/noThisInStatic: the point is the subclass, not SmartpayError
    return Array.isArray(lineage) && lineage.includes(this.kind)
  }

  readonly status: number | undefined
  readonly code: string | undefined
  readonly details: unknown
  readonly method: string | undefined
  readonly path: string | undefined
  readonly idempotencyKey: string | undefined
  readonly requestId: string | undefined

  constructor(message: string, context: ErrorContext = {}) {
    super(message, context.cause === undefined ? undefined : { cause: context.cause })
    const lineage: string[] = []
    for (let c = new.target as unknown as ErrorClass; c?.kind; c = Object.getPrototypeOf(c)) {
      if (lineage.at(-1) !== c.kind) lineage.push(c.kind)
    }
    Object.defineProperty(this, BRAND, { value: lineage })
    this.name = (new.target as unknown as ErrorClass).kind
    this.status = context.status
    this.code = context.code
    this.details = context.details
    this.method = context.method
    this.path = context.path
    this.idempotencyKey = context.idempotencyKey
    this.requestId = context.requestId
  }

  /** The API's name for {@link code}, kept for users of the official SDK. */
  get errorCode(): string | undefined {
    return this.code
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      message: this.message,
      status: this.status,
      code: this.code,
      details: this.details,
      method: this.method,
      path: this.path,
      idempotencyKey: this.idempotencyKey,
      requestId: this.requestId,
    }
  }
}

/** True for any error thrown by this library, from any installed copy. */
export function isSmartpayError(value: unknown): value is SmartpayError {
  return value instanceof SmartpayError
}
