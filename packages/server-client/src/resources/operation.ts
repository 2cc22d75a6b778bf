import {
  ApiPromise,
  type CallOptions,
  type Method,
  paginate,
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

/** The id kinds a path template names, e.g. `'order'` for `/orders/{order}/cancellation`. */
type IdsIn<P> = P extends `${string}{${infer K}}${infer Rest}` ? K | IdsIn<Rest> : never

/** Whether an operation's `sameMode` fields are fields of its body. */
type SameModeOk<O> = O extends { sameMode: readonly (infer F)[]; body: infer B }
  ? B extends v.GenericSchema
    ? F extends keyof v.InferInput<B>
      ? true
      : false
    : false
  : true

/**
 * `T`, where every `{kind}` in a path is an {@link IdKind} and every `sameMode` field a field of
 * the body; any other operation becomes `never`.
 */
export type CheckedTable<T extends OperationTable> = {
  [M in keyof T]: IdsIn<T[M]['path']> extends IdKind
    ? SameModeOk<T[M]> extends true
      ? T[M]
      : never
    : never
}

/** The one id kind a path template names, if any. */
function idKind(path: string): IdKind | undefined {
  return /\{(\w+)\}/.exec(path)?.[1] as IdKind | undefined
}

/**
 * Builds one method from its operation. Its arguments follow the operation: an id when the
 * path has one, then params when there is a body or query, then the call options. Every
 * failure, a synchronous check's included, reaches `await`/`.catch()` the same way.
 */
function method(transport: Transport, op: Operation) {
  const kind = idKind(op.path)
  const takesParams = Boolean(op.body ?? op.query)
  return (...args: unknown[]) => {
    const id = kind ? args.shift() : undefined
    const params = takesParams ? args.shift() : undefined
    const options = args.shift() as CallOptions | undefined
    const { method, path: template, body: bodySchema, query: querySchema, response } = op
    if (op.list) {
      const responseSchema = response && collectionSchema(response)
      const query = (params ?? {}) as Record<string, never>
      return paginate(transport, {
        method,
        path: template,
        query,
        querySchema,
        responseSchema,
        options,
      })
    }
    try {
      const { mode, keyFingerprint } = transport
      const path = kind
        ? template.replace(`{${kind}}`, pathId(kind, id, mode, keyFingerprint))
        : template
      const fields = (typeof params === 'object' && params) || {}
      for (const field of op.sameMode ?? []) {
        assertSameMode(mode, (fields as Record<string, unknown>)[field], field, keyFingerprint)
      }
      const body = op.hooks?.prepare ? op.hooks.prepare(params) : bodySchema && params
      const query = bodySchema ? undefined : (params as Record<string, never> | undefined)
      const call = transport.request({
        method,
        path,
        query,
        querySchema,
        body,
        bodySchema,
        responseSchema: response,
        options,
      })
      const { finish } = op.hooks ?? {}
      if (!finish) return call
      return new ApiPromise(
        call.withMeta().then((result) => ({ ...result, data: finish(result.data, params) })),
      )
    } catch (error) {
      return new ApiPromise(Promise.reject(error))
    }
  }
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
