import { EVENT_TYPES } from '../../domain/events.js'
import { newId, newSigningSecret } from '../../domain/ids.js'
import {
  baseFields,
  type JsonObject,
  pickStrings,
  type WebhookEndpoint,
} from '../../domain/objects.js'
import { paginate } from '../collection.js'
import { type Context, ok, type Route, route } from '../router.js'
import { array, boolean, metadata, type Rule, required, string, validate } from '../validation.js'
import { idParam, mustGet } from './lookup.js'

/**
 * What the API accepts as an endpoint URL: any absolute http(s) URL in test mode, https only
 * in live mode ("production endpoints must be HTTPS"). Any host: a merchant's tests register
 * their real URL. Where deliveries go is the dispatcher's business (loopback or `forwardTo`).
 */
const endpointUrl =
  (mode: Context['mode']): Rule =>
  (value, path, issues) => {
    string({ url: true })(value, path, issues)
    if (mode === 'live' && typeof value === 'string' && !value.startsWith('https:'))
      issues.push({ path, message: 'must be an https URL in live mode' })
  }

const fields = {
  eventSubscriptions: array(string({ oneOf: EVENT_TYPES })),
  description: string({ max: 200 }),
  metadata,
}

function patchOf(body: JsonObject): Partial<WebhookEndpoint> {
  return {
    ...pickStrings(body, ['url', 'description']),
    ...(typeof body.active === 'boolean' ? { active: body.active } : {}),
    ...(Array.isArray(body.eventSubscriptions)
      ? { eventSubscriptions: body.eventSubscriptions as string[] }
      : {}),
    ...(body.metadata ? { metadata: body.metadata as JsonObject } : {}),
  }
}

/** Registers a receiver; the response carries its 40-character base62 `signingSecret`. */
function create(ctx: Context) {
  const { mode, store, now } = ctx
  const body = validate(ctx.body, { ...fields, url: required(endpointUrl(mode)) })
  const endpoint: WebhookEndpoint = {
    ...baseFields(newId('webhookEndpoint', mode), mode, now, body.metadata),
    object: 'webhookEndpoint',
    url: body.url as string,
    active: true,
    eventSubscriptions: [],
    signingSecret: newSigningSecret(),
    ...patchOf(body),
  }
  return ok(store.insert(mode, 'webhookEndpoint', endpoint))
}

/** Webhook endpoint operations (`/webhook-endpoints`). */
export const webhookEndpointRoutes: Route[] = [
  route('POST', '/webhook-endpoints', 'webhookEndpoints.create', create),
  route('GET', '/webhook-endpoints', 'webhookEndpoints.list', (ctx) =>
    ok(paginate(ctx.store.all(ctx.mode, 'webhookEndpoint'), ctx.query, (e) => e)),
  ),
  route('GET', '/webhook-endpoints/:id', 'webhookEndpoints.retrieve', (ctx) =>
    ok(mustGet(ctx, 'webhookEndpoint', idParam(ctx))),
  ),
  route('PATCH', '/webhook-endpoints/:id', 'webhookEndpoints.update', (ctx) => {
    const endpoint = mustGet(ctx, 'webhookEndpoint', idParam(ctx))
    const body = validate(ctx.body, { ...fields, url: endpointUrl(ctx.mode), active: boolean })
    return ok(ctx.store.update(ctx.mode, 'webhookEndpoint', endpoint.id, patchOf(body), ctx.now))
  }),
  route('DELETE', '/webhook-endpoints/:id', 'webhookEndpoints.delete', (ctx) => {
    const endpoint = mustGet(ctx, 'webhookEndpoint', idParam(ctx))
    ctx.store.delete(ctx.mode, 'webhookEndpoint', endpoint.id)
    return { status: 204 }
  }),
]
