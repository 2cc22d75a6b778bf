import type { Clock } from '../domain/clock.js'
import { ApiError } from '../domain/errors.js'
import type { EventType } from '../domain/events.js'
import type { Mode } from '../domain/ids.js'
import type { BaseObject, JsonObject } from '../domain/objects.js'
import type { Store } from '../domain/store.js'
import type { WebhookDispatcher } from '../webhooks/dispatcher.js'
import {
  authenticate,
  PUBLIC_OPERATION_NAMES,
  publicKeyForbidden,
  UNAUTHORIZED_BODY,
} from './auth.js'
import { IDEMPOTENT_METHODS, type IdempotencyCache, requestIdentity } from './idempotency.js'
import { jsonReply, type Reply } from './reply.js'
import type { Context, Route, Router } from './router.js'

/** What the `/v1` pipeline needs from the server. */
export interface ApiDeps {
  store: Store
  router: Router
  idempotency: IdempotencyCache
  dispatcher: WebhookDispatcher
  clock: Clock
  origin: string
  /** Only these keys are accepted, when set. */
  keys: ReadonlySet<string> | undefined
}

/** The outcome of one `/v1` request, with facts for the request log. */
export interface ApiOutcome {
  reply: Reply
  mode?: Mode
  replayed?: boolean
}

const CORS_ALLOW_HEADERS = 'Authorization, Content-Type, Idempotency-Key'

const errorReply = (error: ApiError) => jsonReply(error.statusCode, error.toBody())

/** Request headers, read by name (a Fetch `Headers`, or a view of node's). */
export interface HeaderReader {
  get(name: string): string | null
}

/** One request as the pipeline reads it, whatever carried it (a socket or a Fetch call). */
export interface ApiRequest {
  method: string
  url: URL
  headers: HeaderReader
  /** The whole body as UTF-8. */
  raw: string
}

/** CORS headers for the public operation, echoing the request's Origin (or `*`). */
function corsHeaders(headers: HeaderReader): Record<string, string> {
  return {
    'access-control-allow-origin': headers.get('origin') ?? '*',
    'access-control-expose-headers': 'Request-Id, Idempotency-Key, Idempotency-Replayed',
    vary: 'Origin',
  }
}

/**
 * Runs one operation's handler in `mode` and delivers the events it queued, only if it
 * succeeded. Shared by the HTTP pipeline and `trigger`, so both go through the same rules.
 */
export function invoke(
  deps: Pick<ApiDeps, 'store' | 'dispatcher' | 'clock' | 'origin'>,
  mode: Mode,
  route: Route,
  params: Record<string, string>,
  query: URLSearchParams,
  body: JsonObject,
): Reply {
  const events: [EventType, BaseObject][] = []
  const ctx: Context = {
    mode,
    store: deps.store,
    params,
    query,
    body,
    now: deps.clock.now(),
    origin: deps.origin,
    emit: (type, data) => void events.push([type, structuredClone(data)]),
  }
  try {
    const result = route.handler(ctx)
    for (const [type, data] of events) deps.dispatcher.emit(mode, type, data, ctx.now)
    return jsonReply(result.status, result.body)
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error)
    const message = `Sandbox bug: ${(error as Error).message}`
    return jsonReply(500, { statusCode: 500, errorCode: 'internal.error', message, details: [] })
  }
}

/** Answers one `/v1` request: CORS, auth, key kind, body, idempotency, handler, events. */
export async function handleApi(deps: ApiDeps, req: ApiRequest): Promise<ApiOutcome> {
  const { method, url, raw } = req
  const path = url.pathname.replace(/^\/v1/, '') || '/'
  if (method === 'OPTIONS') {
    const wanted = req.headers.get('access-control-request-method') ?? 'GET'
    const target = deps.router.match(wanted.toUpperCase(), path)
    if (target.kind === 'found' && PUBLIC_OPERATION_NAMES.has(target.route.operation))
      return {
        reply: jsonReply(204, undefined, {
          ...corsHeaders(req.headers),
          'access-control-allow-methods': 'GET',
          'access-control-allow-headers': CORS_ALLOW_HEADERS,
          'access-control-max-age': '600',
        }),
      }
    return {
      reply: errorReply(
        new ApiError(
          405,
          'request.method-not-allowed',
          'OPTIONS is only answered for operations a browser may call with a public key.',
        ),
      ),
    }
  }
  const match = deps.router.match(method, path)
  const isPublic = match.kind === 'found' && PUBLIC_OPERATION_NAMES.has(match.route.operation)
  const cors = isPublic ? corsHeaders(req.headers) : {}
  const who = authenticate(req.headers.get('authorization') ?? undefined, deps.keys)
  if (!who)
    return {
      reply: jsonReply(401, UNAUTHORIZED_BODY, {
        ...cors,
        'www-authenticate': 'Basic realm="smartpay"',
      }),
    }
  const withCors = (reply: Reply): ApiOutcome => ({
    reply: { ...reply, headers: { ...reply.headers, ...cors } },
    mode: who.mode,
  })
  if (match.kind === 'none')
    return withCors(
      errorReply(new ApiError(404, 'request.not-found', `No operation ${method} /v1${path}.`)),
    )
  if (match.kind === 'wrong-method')
    return withCors({
      ...errorReply(
        new ApiError(405, 'request.method-not-allowed', `${method} is not allowed on /v1${path}.`),
      ),
      headers: { allow: match.allowed.join(', ') },
    })
  if (who.kind === 'public' && !isPublic)
    return withCors(errorReply(publicKeyForbidden(match.route.operation)))

  let body: JsonObject = {}
  if (raw.trim() !== '' && method !== 'GET') {
    let parsed: unknown
    try {
      parsed = JSON.parse(raw)
    } catch {
      return withCors(
        errorReply(new ApiError(400, 'request.malformed', 'The request body is not valid JSON.')),
      )
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return withCors(
        errorReply(
          new ApiError(400, 'request.invalid', 'The request body must be a JSON object.', [
            { path: '', message: 'must be an object' },
          ]),
        ),
      )
    body = parsed as JsonObject
  }

  const execute = async (): Promise<Reply> =>
    invoke(deps, who.mode, match.route, match.params, url.searchParams, body)

  const key = req.headers.get('idempotency-key')
  if (!key || !IDEMPOTENT_METHODS.has(method)) return withCors(await execute())
  try {
    const identity = requestIdentity(method, url.pathname, raw)
    const { response, replayed } = await deps.idempotency.run(who.key, key, identity, execute)
    const flagged = replayed
      ? { ...response, headers: { ...response.headers, 'idempotency-replayed': 'true' } }
      : response
    return { ...withCors(flagged), replayed }
  } catch (error) {
    if (error instanceof ApiError) return withCors(errorReply(error))
    throw error
  }
}
