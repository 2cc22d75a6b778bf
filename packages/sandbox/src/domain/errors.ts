/** One problem found in a request body or query, in the `details` of a 400. */
export interface ErrorDetail {
  /** Where the problem is, e.g. `items[0].amount` (empty for the whole body). */
  path: string
  message: string
}

/** The JSON body of every API error except 401. */
export interface ErrorBody {
  statusCode: number
  errorCode: string
  message: string
  details: ErrorDetail[]
}

/** An API failure a handler throws; the pipeline turns it into the error body. */
export class ApiError extends Error {
  override readonly name = 'ApiError'

  constructor(
    readonly statusCode: number,
    readonly errorCode: string,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message)
  }

  /** The response body in the API's error format. */
  toBody(): ErrorBody {
    const { statusCode, errorCode, message, details } = this
    return { statusCode, errorCode, message, details }
  }
}

/** 400 `request.invalid` with the problems found. */
export function invalidRequest(details: ErrorDetail[]): ApiError {
  const first = details[0]
  const summary = first ? `${first.path || 'body'}: ${first.message}` : 'invalid request'
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : ''
  return new ApiError(400, 'request.invalid', `The request is invalid: ${summary}${more}.`, details)
}

/** 404 `<resource>.not-found` for an id that does not exist in this mode. */
export function notFound(resource: string, id: string): ApiError {
  return new ApiError(
    404,
    `${resource}.not-found`,
    `No ${resource.replace('-', ' ')} with id "${id}" exists in this mode (test and live objects are separate).`,
  )
}
