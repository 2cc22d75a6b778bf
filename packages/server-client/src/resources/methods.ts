import type { ApiPromise, CallOptions, PagePromise } from '@smartpay-kit/core'
import type { ListParams, PageParams, RetrieveParams } from '../schemas/collection.js'
import type { WithExpand } from '../schemas/expand.js'

// The shapes a resource method takes, named once: `(id, params, options)`, each part present
// only when the operation has it (see `operation.ts`, which builds them from the table).

/** `create(params, options)` and other calls with a body and no id. */
export type Create<P, T> = (params: P, options?: CallOptions) => ApiPromise<T>

/** A call on one object with no params: `retrieve`, `cancel`, `enable`, `delete`… */
export type OnId<T> = (id: string, options?: CallOptions) => ApiPromise<T>

/** `update(id, params, options)`. */
export type Update<P, T> = (id: string, params: P, options?: CallOptions) => ApiPromise<T>

/** `retrieve(id, { expand }, options)`: typed by what `expand` returns (see `WithExpand`). */
export type Retrieve<T> = <const P extends RetrieveParams | undefined = undefined>(
  id: string,
  params?: P,
  options?: CallOptions,
) => ApiPromise<WithExpand<T, P>>

/** `list({ maxResults, pageToken, expand }, options)`: one page, or every item with `for await`. */
export type List<T> = <const P extends ListParams | undefined = undefined>(
  params?: P,
  options?: CallOptions,
) => PagePromise<WithExpand<T, P>>

/** `list({ maxResults, pageToken }, options)` of objects with nothing to expand. */
export type Page<T> = (params?: PageParams, options?: CallOptions) => PagePromise<T>
