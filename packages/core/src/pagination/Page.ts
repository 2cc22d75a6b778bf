import { ValidationError } from '../errors/errors.js'
import type { ApiPromise, ApiResult } from '../transport/ApiPromise.js'
import type { RequestSpec, Transport } from '../transport/Connection.js'
import type { Query } from '../transport/options.js'

/** The API's collection envelope. */
export interface Collection<T> {
  object?: 'collection' | undefined
  data: T[]
  pageToken?: string | undefined
  nextPageToken?: string | undefined
  maxResults?: number | undefined
  results?: number | undefined
}

/** One page of a list, with a way to the next. */
export interface Page<T> extends Collection<T> {
  /** Whether the API said there is another page (`nextPageToken`). */
  hasNextPage(): boolean
  /** Fetches the next page; throws if there is none (check {@link hasNextPage}). */
  getNextPage(): Promise<Page<T>>
}

/** Most items {@link PagePromise.toArray} will collect. */
export const TO_ARRAY_MAX = 10_000

type FetchPage<T> = (pageToken: string | undefined) => ApiPromise<Collection<T>>

/**
 * What a `list()` call returns: await it for one page, or `for await` it for every item
 * across pages. Pages are fetched lazily, one at a time, as iteration asks for them. It is a
 * promise of the first page in every other way too (`catch`, `finally`, `withMeta`,
 * `Promise.all`), fetched once however it is used.
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  readonly #fetchPage: FetchPage<T>
  readonly #firstToken: string | undefined
  #first: Promise<ApiResult<Page<T>>> | undefined

  constructor(fetchPage: FetchPage<T>, firstPageToken?: string) {
    this.#fetchPage = fetchPage
    this.#firstToken = firstPageToken
  }

  #load(token: string | undefined): Promise<ApiResult<Page<T>>> {
    return this.#fetchPage(token)
      .withMeta()
      .then(({ data: collection, meta }) => {
        const page: Page<T> = {
          ...collection,
          hasNextPage: () => Boolean(collection.nextPageToken),
          getNextPage: () => {
            if (!collection.nextPageToken) return Promise.reject(new RangeError('No next page'))
            return this.#load(collection.nextPageToken).then((next) => next.data)
          },
        }
        return { data: page, meta }
      })
  }

  #firstPage(): Promise<Page<T>> {
    return this.withMeta().then((result) => result.data)
  }

  // biome-ignore lint/suspicious/noThenProperty: this is a thenable on purpose
  then<A = Page<T>, B = never>(
    onFulfilled?: ((value: Page<T>) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#firstPage().then(onFulfilled, onRejected)
  }

  /** Like `Promise.prototype.catch`, for the first page. */
  catch<B = never>(
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<Page<T> | B> {
    return this.then(undefined, onRejected)
  }

  /** Like `Promise.prototype.finally`, for the first page. */
  finally(onFinally?: (() => void) | null): Promise<Page<T>> {
    return this.#firstPage().finally(onFinally)
  }

  /** Resolves to the first page and its response metadata, `{ data, meta }`. */
  withMeta(): Promise<ApiResult<Page<T>>> {
    this.#first ??= this.#load(this.#firstToken)
    return this.#first
  }

  get [Symbol.toStringTag](): string {
    return 'PagePromise'
  }

  /** Every page in turn. */
  async *pages(): AsyncGenerator<Page<T>, void, undefined> {
    let page = await this.#firstPage()
    yield page
    while (page.hasNextPage()) {
      page = await page.getNextPage()
      yield page
    }
  }

  /** Every item across pages, fetching each page as iteration reaches it. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data
  }

  /**
   * Collects items across pages, at most `limit` (default and cap {@link TO_ARRAY_MAX}),
   * so an unbounded list cannot exhaust memory.
   */
  async toArray({ limit = TO_ARRAY_MAX }: { limit?: number } = {}): Promise<T[]> {
    if (!Number.isInteger(limit) || limit < 1 || limit > TO_ARRAY_MAX) {
      throw new ValidationError(
        `toArray limit must be an integer from 1 to ${TO_ARRAY_MAX}; iterate with for await for more.`,
        { field: 'limit', issues: [] },
      )
    }
    const items: T[] = []
    for await (const item of this) {
      items.push(item)
      if (items.length >= limit) break
    }
    return items
  }
}

/**
 * A list call: awaitable for one page, `for await`-able for every item across pages. Each
 * page is the same request with the previous page's `nextPageToken` as `pageToken`.
 * @example for await (const order of paginate<Order>(transport, { method: 'GET', path: '/orders' })) …
 */
export function paginate<T>(
  transport: Transport,
  spec: RequestSpec & { query?: Query | undefined },
): PagePromise<T> {
  return new PagePromise<T>((pageToken) =>
    transport.request<Collection<T>>({
      ...spec,
      query: { ...spec.query, ...(pageToken === undefined ? {} : { pageToken }) },
    }),
  )
}
