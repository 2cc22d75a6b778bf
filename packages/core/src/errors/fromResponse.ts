import { fingerprint } from '../keys/fingerprint.js'
import { type ApiKey, keyKind, keyMode } from '../keys/keys.js'
import { errorClassForStatus } from './errors.js'
import { redactKeys } from './redact.js'
import type { ErrorContext, SmartpayError } from './SmartpayError.js'

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

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Authentication failed',
  403: 'Permission denied',
  404: 'Not found',
  409: 'Conflict',
  429: 'Rate limited',
}

const HINTS: Record<number, (call: CallContext) => string> = {
  401: (call) =>
    `The ${keyMode(call.key)}-mode ${keyKind(call.key)} key ${fingerprint(call.key)} is missing, wrong or outdated (rolled). Copy the current key from the dashboard's API keys.`,
  403: () => 'This key may not make this call. Public keys may only make checkout-page calls.',
  404: (call) =>
    `Check the id. Test and live objects are separate: a ${keyMode(call.key)}-mode key sees only ${keyMode(call.key)} objects.`,
  429: () => 'Too many requests; retries ran out within the deadline. Slow down and try later.',
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
  const apiMessage = typeof json?.message === 'string' ? redactKeys(json.message) : undefined
  const where = `${call.method} ${call.path}`
  let message: string
  let details: unknown = json?.details
  if (status === 0 || (status >= 300 && status < 400)) {
    message = `The API answered ${where} with a redirect (${status || 'opaque'}); redirects are never followed so the key cannot leave the API origin. Check baseUrl.`
  } else if (json === undefined && body !== undefined) {
    const text = redactKeys(String(body))
    message = `The API answered ${where} with HTTP ${status} and a body that is not JSON (a proxy or gateway error, most likely).`
    details = { body: text.length > 300 ? `${text.slice(0, 300)}…` : text }
  } else {
    const head =
      apiMessage ?? TITLES[status] ?? (status >= 500 ? 'Smartpay API error' : 'Request failed')
    message = `${head} [${status}${code ? ` ${code}` : ''}] ${where}`
  }
  const hint = HINTS[status]?.(call)
  if (hint) message += `. ${hint}`
  const context: ErrorContext = {
    status,
    code,
    details,
    method: call.method,
    path: call.path,
    idempotencyKey: call.idempotencyKey,
    requestId,
  }
  return new ErrorClass(message, context)
}
