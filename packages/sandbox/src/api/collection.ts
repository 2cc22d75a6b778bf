import { ApiError, invalidRequest } from '../domain/errors.js'

/** A page of a list, in the API's collection shape. */
export interface Collection<T> {
  object: 'collection'
  pageToken: string
  /** Absent on the last page. */
  nextPageToken?: string
  maxResults: number
  results: number
  data: T[]
}

const DEFAULT_MAX_RESULTS = 20
const MAX_MAX_RESULTS = 100

// Opaque page tokens: base64url of `offset:N`, as clients must not read them.
const encodeToken = (offset: number): string =>
  btoa(`offset:${offset}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')

const decodeToken = (token: string): number | undefined => {
  let text = ''
  try {
    text = atob(token.replace(/-/g, '+').replace(/_/g, '/'))
  } catch {
    return undefined
  }
  const match = /^offset:(\d+)$/.exec(text)
  return match ? Number(match[1]) : undefined
}

/** Reads `maxResults` and `pageToken`; 400 for a bad value. */
function pageParams(query: URLSearchParams): { maxResults: number; offset: number } {
  const rawMax = query.get('maxResults')
  let maxResults = DEFAULT_MAX_RESULTS
  if (rawMax !== null) {
    maxResults = Number(rawMax)
    if (!/^\d+$/.test(rawMax) || maxResults < 1 || maxResults > MAX_MAX_RESULTS)
      throw invalidRequest([
        { path: 'maxResults', message: `must be an integer from 1 to ${MAX_MAX_RESULTS}` },
      ])
  }
  const token = query.get('pageToken')
  const offset = token ? decodeToken(token) : 0
  if (offset === undefined)
    throw invalidRequest([{ path: 'pageToken', message: 'is not a token this API returned' }])
  return { maxResults, offset }
}

/** Lists newest first, one page at a time; `present` shapes each item. */
export function paginate<T, U>(
  items: readonly T[],
  query: URLSearchParams,
  present: (item: T) => U,
): Collection<U> {
  const { maxResults, offset } = pageParams(query)
  const newestFirst = [...items].reverse()
  const page = newestFirst.slice(offset, offset + maxResults).map(present)
  const next = offset + maxResults
  return {
    object: 'collection',
    pageToken: encodeToken(offset),
    ...(next < newestFirst.length ? { nextPageToken: encodeToken(next) } : {}),
    maxResults,
    results: page.length,
    data: page,
  }
}

/** Whether `expand=all` was asked for (`no` or absent: ids only); 400 for anything else. */
export function wantsExpansion(query: URLSearchParams): boolean {
  const expand = query.get('expand')
  if (expand === null || expand === 'no') return false
  if (expand === 'all') return true
  throw new ApiError(400, 'request.invalid', 'expand must be "all" or "no".', [
    { path: 'expand', message: 'must be one of: all, no' },
  ])
}
