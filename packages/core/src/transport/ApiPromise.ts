/** What a call's response said besides its body. */
export interface ResponseMeta {
  /** HTTP status of the final attempt. */
  status: number
  method: string
  /** Path below the base URL, e.g. `/orders/order_test_…`. */
  path: string
  /** The `Idempotency-Key` sent (the same on every retry), for mutating calls. */
  idempotencyKey: string | undefined
  /** True when the API replayed an earlier answer for this idempotency key. */
  idempotentReplayed: boolean
  /** The API's request id, when it sends one. */
  requestId: string | undefined
  /** How many attempts were made. */
  attempts: number
  /** The final response's headers, as the server sent them (rate limits, your trace ids). */
  headers: Headers
}

/** A call's data with its {@link ResponseMeta}. */
export interface ApiResult<T> {
  data: T
  meta: ResponseMeta
}

/**
 * The promise every call returns: await it for the data, or call {@link withMeta}
 * for the data and the response metadata (idempotency key, request id, status).
 */
export class ApiPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<ApiResult<T>>

  constructor(result: Promise<ApiResult<T>>) {
    this.#result = result
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a thenable on purpose
  then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then((result) => result.data).then(onFulfilled, onRejected)
  }

  /** Like `Promise.prototype.catch`. */
  catch<B = never>(onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onRejected)
  }

  /** Like `Promise.prototype.finally`. */
  finally(onFinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onFinally)
  }

  /** Resolves to `{ data, meta }`. */
  withMeta(): Promise<ApiResult<T>> {
    return this.#result
  }

  /**
   * Resolves to the call's response as a Fetch `Response`: its status and headers, and the JSON
   * body as received (re-serialised: core reads every body within the call's deadline, so the
   * original stream is spent). API errors still reject, with the headers on the error.
   */
  asResponse(): Promise<Response> {
    return this.#result.then(({ data, meta }) => new Response(JSON.stringify(data), meta))
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise'
  }
}
