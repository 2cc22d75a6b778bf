import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyKind, keyMode } from '../keys/keys.js'
import { errorClassForStatus, RedirectError } from './errors.js'
import { redactedSnippet, redactKeys } from './redact.js'
import type { SmartpayError } from './SmartpayError.js'

/** The request side of an error: what was called, with which key. */
export interface CallContext {
  method: string
  path: string
  key: ApiKey
  idempotencyKey?: string | undefined
}

interface ApiErrorBody {
  statusCode?: unknown
  errorCode?: unknown
  message?: unknown
  details?: unknown
}

const HINTS: Record<number, (call: CallContext) => string> = {
  401: ({ key }) =>
    `The ${keyMode(key)}-mode ${keyKind(key)} key ${fingerprint(key)} is missing, wrong or outdated: copy the current one from the dashboard.`,
  403: () => 'This key may not make this call.',
  404: ({ key }) =>
    `Check the id. Test and live objects are separate: a ${keyMode(key)}-mode key sees only ${keyMode(key)} objects.`,
}

/** Builds the typed error for an HTTP failure from its status and (parsed or raw) body. */
export function errorFromResponse(
  status: number,
  body: unknown,
  call: CallContext,
  requestId: string | undefined,
): SmartpayError {
  const ErrorClass = errorClassForStatus(status)
  const json = typeof body === 'object' && body !== null ? (body as ApiErrorBody) : undefined
  const code = typeof json?.errorCode === 'string' ? json.errorCode : undefined
  const where = `${call.method} ${call.path}`
  // The API's details are echoed into logs with the error: redact anything key-shaped.
  let details: unknown =
    json?.details === undefined ? undefined : JSON.parse(redactKeys(JSON.stringify(json.details)))
  const said = typeof json?.message === 'string' ? `${redactKeys(json.message)} ` : ''
  let message = `${said}[HTTP ${status}${code ? ` ${code}` : ''}] ${where}`
  if (ErrorClass === RedirectError) {
    message = `${where} got a redirect (${status || 'opaque'}), never followed so the key stays with the API: check baseUrl`
  } else if (json === undefined && body !== undefined) {
    // A proxy or gateway answered, most likely.
    message = `${where} got HTTP ${status} with a body that is not JSON`
    details = { body: redactedSnippet(String(body)) }
  }
  const hint = HINTS[status]?.(call)
  return new ErrorClass(hint ? `${message}. ${hint}` : message, {
    status,
    code,
    details,
    method: call.method,
    path: call.path,
    idempotencyKey: call.idempotencyKey,
    requestId,
  })
}
