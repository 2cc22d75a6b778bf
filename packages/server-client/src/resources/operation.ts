import {
  ApiPromise,
  type CallOptions,
  type Method,
  paginate,
  type Query,
  type Transport,
} from '@smartpay-kit/core'
import type * as v from 'valibot'
import { assertSameMode, type IdKind, pathId } from '../ids.js'
import { collectionSchema } from '../schemas/collection.js'

/** Per-operation quirks, as named hooks rather than special code paths. */
export interface OperationHooks {
  /** Turns the caller's params into the body (after its own checks): checkout amounts. */
  prepare?(params: unknown): unknown
  /** Adjusts what a call resolves to: a promotion code applied to a session's url. */
  finish?(data: unknown, params: unknown): unknown
}

/** One API operation, as data. The server client's methods are built from these. */
export interface Operation {
  readonly method: Method
  /** Below the base URL; `{order}` stands for an id of that kind, checked and encoded. */
  readonly path: string
  /** Validates the JSON body; the method then takes `params`. */
  readonly body?: v.GenericSchema
  /** Validates the query; the method then takes `params`. */
  readonly query?: v.GenericSchema
  /** The object the call returns (each item's, for a list); none when it answers no body. */
  readonly response?: v.GenericSchema
  /** A paged list: awaitable for one page, `for await`-able for every item. */
  readonly list?: true
  /** Body fields holding ids that must be of the key's mode. */
  readonly sameMode?: readonly string[]
  readonly hooks?: OperationHooks
}

/** A resource's operations, by method name. */
export type OperationTable = Readonly<Record<string, Operation>>

/**
 * A row of the table: its path a literal type, for `CheckedTable`; its schemas typed loosely,
 * so that the table's declaration stays small.
 */
export interface Row<P extends string> extends Operation {
  readonly path: P
}

// One constructor per kind of call. None has a side effect, so a bundle drops the rows of every
// resource it does not import.
type S = v.GenericSchema
type Parts = Omit<Operation, 'method' | 'path'>
const row = <P extends string>(method: Method, path: P, parts?: Parts): Row<P> => ({
  method,
  path,
  ...parts,
})

/** `GET path` of one object; takes params when there is a `query` schema. */
// @__NO_SIDE_EFFECTS__
export const get = <P extends string>(path: P, response: S, query?: S) =>
  row('GET', path, query ? { response, query } : { response })
/** `GET path` of a paged list of `item`s, taking `query` params. */
// @__NO_SIDE_EFFECTS__
export const list = <P extends string>(path: P, item: S, query: S) =>
  row('GET', path, { response: item, query, list: true })
/** `POST path` with a body; `sameMode` names body fields whose ids must match the key's mode. */
// @__NO_SIDE_EFFECTS__
export const post = <P extends string, B extends S>(
  path: P,
  body: B,
  response: S,
  extra?: { hooks?: OperationHooks; sameMode?: readonly (keyof v.InferInput<B> & string)[] },
) => row('POST', path, { body, response, ...extra })
/** `PATCH path` with a body. */
// @__NO_SIDE_EFFECTS__
export const patch = <P extends string>(path: P, body: S, response: S) =>
  row('PATCH', path, { body, response })
/** `PUT path` with no body; `response` when the API answers with an object. */
// @__NO_SIDE_EFFECTS__
export const put = <P extends string>(path: P, response?: S) =>
  row('PUT', path, response && { response })
/** `DELETE path`; the API answers with no body. */
// @__NO_SIDE_EFFECTS__
export const del = <P extends string>(path: P) => row('DELETE', path)

/** The id kinds a path template names, e.g. `'order'` for `/orders/{order}/cancellation`. */
type IdsIn<P> = P extends `${string}{${infer K}}${infer Rest}` ? K | IdsIn<Rest> : never

/** `T`, where every `{kind}` in a path is an {@link IdKind}; any other operation is `never`. */
export type CheckedTable<T extends OperationTable> = {
  [M in keyof T]: IdsIn<T[M]['path']> extends IdKind ? T[M] : never
}

/** One operation's call on a given transport: `id`, `params` and `options` as the method took them. */
type Call = (
  transport: Transport,
  id: unknown,
  params: unknown,
  options: CallOptions | undefined,
) => unknown

/**
 * Works out once, for every client, what does not depend on the transport or the call: the id
 * kind, the path around it, the list schema. Every failure, a synchronous check's included,
 * reaches `await`/`.catch()` the same way.
 */
function caller(op: Operation): Call {
  const { method, path, body: bodySchema, query: querySchema, response, sameMode = [] } = op
  const { prepare, finish } = op.hooks ?? {}
  if (op.list) {
    const responseSchema = response && collectionSchema(response)
    return (transport, _id, params, options) =>
      // No params, nothing to check: the query is only ever a page token then.
      paginate(transport, {
        method,
        path,
        query: params as Query | undefined,
        querySchema: params === undefined ? undefined : querySchema,
        responseSchema,
        options,
      })
  }
  const kind = /\{(\w+)\}/.exec(path)?.[1] as IdKind | undefined
  const [head = path, tail = ''] = kind ? path.split(`{${kind}}`) : []
  const send: Call = (transport, id, params, options) => {
    const { mode, keyFingerprint } = transport
    for (const field of sameMode) {
      assertSameMode(mode, (params as Record<string, unknown>)?.[field], field, keyFingerprint)
    }
    // One object shape for every call; no params, no query to check.
    const call = transport.request({
      method,
      path: kind ? head + pathId(kind, id, mode, keyFingerprint) + tail : path,
      body: bodySchema && (prepare ? prepare(params) : params),
      bodySchema,
      query: querySchema && (params as Query | undefined),
      querySchema: params === undefined ? undefined : querySchema,
      responseSchema: response,
      options,
    })
    if (!finish) return call
    return new ApiPromise(
      call.withMeta().then((result) => ({ ...result, data: finish(result.data, params) })),
    )
  }
  return (transport, id, params, options) => {
    try {
      return send(transport, id, params, options)
    } catch (error) {
      return new ApiPromise(Promise.reject(error))
    }
  }
}

/**
 * Makes an operation's method for one transport. Its arguments follow the operation: an id when
 * the path has one, then params when there is a body or query, then the call options; so no
 * call shuffles its arguments.
 */
function methodOf(op: Operation, call: Call, transport: Transport) {
  if (op.list || !op.path.includes('{')) {
    return (params: unknown, options?: CallOptions) => call(transport, undefined, params, options)
  }
  if (!(op.body ?? op.query)) {
    return (id: unknown, options?: CallOptions) => call(transport, id, undefined, options)
  }
  return (id: unknown, params: unknown, options?: CallOptions) =>
    call(transport, id, params, options)
}

const calls = /* @__PURE__ */ new WeakMap<Operation, Call>()

/**
 * A resource's methods, built from its operation table; `R` is the resource's interface, which
 * holds the signatures and their documentation. What each method needs from its operation is
 * worked out once, for every client (see {@link caller}); a method here is one small function.
 * `aliases` gives methods a second name (`capture` for `create`).
 */
export function resource<R>(
  transport: Transport,
  table: OperationTable,
  aliases: Readonly<Record<string, string>> = {},
): R {
  const methods: Record<string, unknown> = {}
  for (const name in table) {
    const op = table[name] as Operation
    let call = calls.get(op)
    if (!call) {
      call = caller(op)
      calls.set(op, call)
    }
    methods[name] = methodOf(op, call, transport)
  }
  for (const alias in aliases) methods[alias] = methods[aliases[alias] as string]
  return methods as R
}
