import type { ApiKey } from '../keys/keys.js'
import { errorClassForStatus, RedirectError } from './errors.js'
import type { errorHint } from './hints.js'
import type { Redaction } from './redact.js'
import { redactHeaders } from './redactValue.js'
import type { SmartpayError } from './SmartpayError.js'

/**
 * The request side of an error and of a result's metadata: what was called. Never the key.
 * A transport passes its whole call (its wire); an error keeps only its own fields of it.
 */
export interface CallContext {
  method: string
  path: string
  idempotencyKey?: string | undefined
}

interface ApiErrorBody {
  statusCode?: unknown
  errorCode?: unknown
  message?: unknown
  details?: unknown
}

/** The API's request id among `headers` (`Request-Id`, or `X-Request-Id` from a proxy). */
export const requestIdOf = (headers: Headers): string | undefined =>
  headers.get('request-id') ?? headers.get('x-request-id') ?? undefined

/**
 * The one JSON reading of a body: `{ json }` when it parses (`json` undefined for an empty
 * body), `undefined` when it does not (a proxy's HTML page, a truncated answer).
 */
export function parseBody(text: string): { json: unknown } | undefined {
  try {
    return { json: text === '' ? undefined : JSON.parse(text) }
  } catch {
    // No SyntaxError kept: its message quotes the body, unredacted.
    return undefined
  }
}

/**
 * Builds the typed error for a response that is not a usable answer (an HTTP failure, or a
 * success whose body is not JSON) from its status, its raw body and that body's
 * {@link parseBody} reading (`undefined`: not JSON). Everything in it is redacted by the
 * transport's `redaction` (the deep one on servers), then by the error's own compact one; the
 * message ends with `hint`'s advice, where one is given (the server transport's `errorHint`).
 */
export function errorFromResponse(
  status: number,
  text: string,
  parsed: { json: unknown } | undefined,
  call: CallContext,
  key: ApiKey,
  headers: Headers,
  redaction: Redaction,
  hint?: typeof errorHint,
): SmartpayError {
  const redact = redaction.text
  const ErrorClass = errorClassForStatus(status)
  // An object's fields, or none (`Object` boxes a string or a number, and makes `{}` of nothing).
  const json = Object(parsed?.json) as ApiErrorBody
  const code = typeof json.errorCode === 'string' ? json.errorCode : undefined
  const where = `${call.method} ${call.path}`
  let details: unknown = json.details
  const said = typeof json.message === 'string' ? `${json.message} ` : ''
  let message = `${said}[HTTP ${status}${code ? ` ${code}` : ''}] ${where}`
  if (ErrorClass === RedirectError) {
    message = `${where} got a redirect (${status || 'opaque'}), never followed so the key stays with the API: check baseUrl`
  } else if (!parsed) {
    // A proxy or gateway answered, most likely.
    message = `${where} got HTTP ${status} with a body that is not JSON`
    // Its first 300 characters, once redacted: cut first, a key's encoding could lose what
    // makes it readable as one. (Redacted from its first 4 kB: the body may be any size.)
    const shown = redact(text.slice(0, 4096))
    details = { body: shown.length > 300 ? `${shown.slice(0, 300)}…` : shown }
  }
  // A hint only for the API's own answers: a proxy's page says nothing about the key or the id.
  const advice = parsed && hint?.(status, code, key)
  const { method, path, idempotencyKey } = call
  // The request id is read from the headers once redacted (a folded line can split a key).
  const safe = redactHeaders(headers, redact)
  const requestId = requestIdOf(safe)
  const context = { method, path, idempotencyKey, status, code, details, requestId, headers: safe }
  return new ErrorClass(
    redact(advice ? `${message}. ${advice}` : message),
    redaction.value(context),
  )
}
