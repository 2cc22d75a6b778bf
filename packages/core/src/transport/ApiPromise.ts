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
  /** The API's request id, when it sends one (anything key-shaped in it redacted). */
  requestId: string | undefined
  /** How many attempts were made. */
  attempts: number
  /**
   * The final response's headers (rate limits, your trace ids), redacted: a value that holds a
   * key, in any form, shows its fingerprint (`sk_live_...1taz`). Redacted on first read.
   */
  headers: Headers
}

/**
 * The headers each call's meta was made from, as the server sent them, for
 * {@link ApiPromise.asResponse}: off the meta, where a log would print them.
 */
export const RAW_HEADERS: WeakMap<ResponseMeta, Headers> = /* @__PURE__ */ new WeakMap()

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
   * Resolves to the call's response as a Fetch `Response`: its status and its headers as the
   * server sent them, **not redacted** (unlike `meta.headers` and everything else this library
   * reports: do not log it whole), and the JSON body as received (re-serialised: core reads
   * every body within the call's deadline, so the original stream is spent). API errors still
   * reject, with the (redacted) headers on the error.
   */
  asResponse(): Promise<Response> {
    return this.#result.then(
      ({ data, meta }) =>
        new Response(JSON.stringify(data), {
          status: meta.status,
          headers: RAW_HEADERS.get(meta) ?? meta.headers,
        }),
    )
  }

  get [Symbol.toStringTag](): string {
    return 'ApiPromise'
  }
}
