import { issuePath, type StandardIssue } from '../schemas/standard.js'
import { type ErrorContext, SmartpayError } from './SmartpayError.js'

/** 400: the API refused the parameters. */
export class BadRequestError extends SmartpayError {
  static override readonly kind: string = 'BadRequestError'
}
/** 401: the key is missing, wrong or outdated (or of the other mode). */
export class AuthenticationError extends SmartpayError {
  static override readonly kind: string = 'AuthenticationError'
}
/** 403: the key may not do this (a public key on a secret-only call, say). */
export class PermissionDeniedError extends SmartpayError {
  static override readonly kind: string = 'PermissionDeniedError'
}
/** 404: no such object in this key's mode. */
export class NotFoundError extends SmartpayError {
  static override readonly kind: string = 'NotFoundError'
}
/** 409: the object's state does not allow this (capture twice, cancel a captured order…). */
export class ConflictError extends SmartpayError {
  static override readonly kind: string = 'ConflictError'
}
/** 429: too many requests; retried automatically while the deadline allows. */
export class RateLimitError extends SmartpayError {
  static override readonly kind: string = 'RateLimitError'
}
/** 5xx: the API or a proxy in front of it failed. */
export class ApiServerError extends SmartpayError {
  static override readonly kind: string = 'ApiServerError'
}
/** Another HTTP status than the table knows, or a success body that is not what was promised. */
export class UnexpectedResponseError extends SmartpayError {
  static override readonly kind: string = 'UnexpectedResponseError'
}
/** The server answered with a redirect; it is never followed, so a key cannot travel. */
export class RedirectError extends SmartpayError {
  static override readonly kind: string = 'RedirectError'
}
/** The request never got an answer: DNS, TLS, refused or dropped connection. */
export class ConnectionError extends SmartpayError {
  static override readonly kind: string = 'ConnectionError'
}
/** An attempt or the whole call (retries included) ran past its time. */
export class TimeoutError extends SmartpayError {
  static override readonly kind: string = 'TimeoutError'
}
/** The caller's `AbortSignal` fired. */
export class AbortError extends SmartpayError {
  static override readonly kind: string = 'AbortError'
}
/** A key was malformed or of the wrong kind; thrown before any request. */
export class InvalidKeyError extends SmartpayError {
  static override readonly kind: string = 'InvalidKeyError'
  /** Which rule the key broke. */
  readonly rule: string
  /** A printable stand-in for the key, e.g. `sk_test_…1taz`. */
  readonly fingerprint: string
  constructor(message: string, info: { rule: string; fingerprint: string }) {
    super(message)
    this.rule = info.rule
    this.fingerprint = info.fingerprint
  }
}
/** The base URL is not `https:`; thrown before any request. */
export class InsecureUrlError extends SmartpayError {
  static override readonly kind: string = 'InsecureUrlError'
}
const ISSUES = new WeakMap<ValidationError, readonly StandardIssue[]>()

/**
 * Parameters failed validation before any request. `field` is the first failing dot path,
 * `details` a printable summary, `issues` valibot's own issues (with the input values).
 */
export class ValidationError extends SmartpayError {
  static override readonly kind: string = 'ValidationError'
  /** Dot path of the first failing field, e.g. `items.0.amount`. */
  readonly field: string | undefined
  /**
   * The schema's issues, unabridged (valibot's, with the input values, which may be secret).
   * Kept off the instance, so neither `JSON.stringify` nor `util.inspect` prints them.
   */
  get issues(): readonly StandardIssue[] {
    return ISSUES.get(this) ?? []
  }
  constructor(
    message: string,
    context: ErrorContext & { field?: string | undefined; issues: readonly StandardIssue[] },
  ) {
    const details = context.issues.map((issue) => ({
      path: issuePath(issue),
      message: issue.message,
    }))
    super(message, { ...context, details })
    this.field = context.field
    ISSUES.set(this, context.issues)
  }
}

/** The status → class table: one place decides which class an HTTP failure gets. */
export const STATUS_ERRORS: Readonly<Record<number, typeof SmartpayError>> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
}

/** Picks the error class for an HTTP status. */
export function errorClassForStatus(status: number): typeof SmartpayError {
  if (status >= 500) return ApiServerError
  if (status === 0 || (status >= 300 && status < 400)) return RedirectError
  return STATUS_ERRORS[status] ?? UnexpectedResponseError
}
