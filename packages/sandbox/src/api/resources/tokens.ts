import { ApiError } from '../../domain/errors.js'
import type { Token, TokenStatus } from '../../domain/objects.js'
import { paginate } from '../collection.js'
import { type Context, ok, type Route, route } from '../router.js'
import { idParam } from './lookup.js'

const tokenNotFound = (id: string) =>
  new ApiError(
    404,
    'token.not-found',
    `No usable token with id "${id}" exists in this mode (tokens awaiting authorization and deleted tokens are not found).`,
  )

/** A token that can be retrieved: not deleted. */
function visible(ctx: Context): Token {
  const id = idParam(ctx)
  const token = ctx.store.get(ctx.mode, 'token', id)
  if (!token || token.status === 'deleted') throw tokenNotFound(id)
  return token
}

/** A token that can be enabled, disabled or deleted: authorized and not deleted. */
function managed(ctx: Context): Token {
  const token = visible(ctx)
  if (token.status === 'requires_authorization' || token.status === 'rejected')
    throw tokenNotFound(token.id)
  return token
}

/** Moves a token to `status` (if it is not there yet) and emits `event`. */
function transition(ctx: Context, status: TokenStatus, event: 'token.enabled' | 'token.disabled') {
  const token = managed(ctx)
  if (token.status !== status) {
    const updated = ctx.store.update(ctx.mode, 'token', token.id, { status }, ctx.now)
    ctx.emit(event, updated)
  }
  // The API answers enable/disable with 200 and an empty body.
  return { status: 200 }
}

/** Token operations (`/tokens`). */
export const tokenRoutes: Route[] = [
  route('GET', '/tokens', 'tokens.list', (ctx) => {
    const live = ctx.store.all(ctx.mode, 'token').filter((t) => t.status !== 'deleted')
    return ok(paginate(live, ctx.query, (t) => t))
  }),
  route('GET', '/tokens/:id', 'tokens.retrieve', (ctx) => ok(visible(ctx))),
  route('PUT', '/tokens/:id/enable', 'tokens.enable', (ctx) =>
    transition(ctx, 'active', 'token.enabled'),
  ),
  route('PUT', '/tokens/:id/disable', 'tokens.disable', (ctx) =>
    transition(ctx, 'disabled', 'token.disabled'),
  ),
  route('DELETE', '/tokens/:id', 'tokens.delete', (ctx) => {
    const token = managed(ctx)
    const deleted = ctx.store.update(ctx.mode, 'token', token.id, { status: 'deleted' }, ctx.now)
    ctx.emit('token.deleted', deleted)
    return { status: 204 }
  }),
]
