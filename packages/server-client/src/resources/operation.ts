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

/**
 * Builds one method from its operation, with everything that does not depend on the call
 * worked out here, once. Its arguments follow the operation: an id when the path has one, then
 * params when there is a body or query, then the call options. Every failure, a synchronous
 * check's included, reaches `await`/`.catch()` the same way.
 */
function method(transport: Transport, op: Operation) {
  const { method, path, body: bodySchema, query: querySchema, response, sameMode = [] } = op
  const { prepare, finish } = op.hooks ?? {}
  const { mode, keyFingerprint } = transport
  if (op.list) {
    const responseSchema = response && collectionSchema(response)
    return (params?: Query, options?: CallOptions) =>
      // No params, nothing to check: the query is only ever a page token then.
      paginate(transport, {
        method,
        path,
        query: params,
        querySchema: params === undefined ? undefined : querySchema,
        responseSchema,
        options,
      })
  }
  const kind = /\{(\w+)\}/.exec(path)?.[1] as IdKind | undefined
  const [head = path, tail = ''] = kind ? path.split(`{${kind}}`) : []
  const takesParams = Boolean(bodySchema ?? querySchema)
  const send = (id: unknown, params: unknown, options: CallOptions | undefined) => {
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
      // The call's own result, adjusted in place: no spread on the per-call path (Node 20's
      // slow path for an object spread with an added field).
      call.withMeta().then((result) => {
        result.data = finish(result.data, params)
        return result
      }),
    )
  }
  // The three argument shapes, so no call shuffles its arguments.
  const safe = (id: unknown, params: unknown, options: CallOptions | undefined) => {
    try {
      return send(id, params, options)
    } catch (error) {
      return new ApiPromise(Promise.reject(error))
    }
  }
  if (!kind) return (params: unknown, options?: CallOptions) => safe(undefined, params, options)
  if (!takesParams) return (id: unknown, options?: CallOptions) => safe(id, undefined, options)
  return (id: unknown, params: unknown, options?: CallOptions) => safe(id, params, options)
}

/**
 * A resource's methods, built from its operation table; `R` is the resource's interface, which
 * holds the signatures and their documentation.
 */
export function resource<R>(transport: Transport, table: OperationTable): R {
  const methods: Record<string, unknown> = {}
  for (const name in table) methods[name] = method(transport, table[name] as Operation)
  return methods as R
}
