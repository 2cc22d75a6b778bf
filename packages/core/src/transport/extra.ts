import { ValidationError } from '../errors/errors.js'
import { fingerprint } from '../keys/fingerprint.js'
import { SECRET_KEY_PATTERN } from '../keys/keys.js'
import type { Method, Query } from './options.js'

type Where = { method: Method; path: string }

function refuse(field: string, text: string, where: Where): never {
  throw new ValidationError(
    `Invalid parameters for ${where.method} ${where.path} (field "${field}"): ${text}. Nothing was sent.`,
    { field, issues: [{ message: text, path: [field] }], ...where },
  )
}

/**
 * Refuses what no schema checked (extra fields, or a call made without schemas) when it holds
 * something shaped like a secret key: the key belongs in the `Authorization` header only, and a
 * query string ends up in proxies' and servers' logs. The error shows a fingerprint.
 */
function assertNoSecretKey(value: unknown, field: string, where: Where): void {
  let text: string | undefined
  try {
    text = JSON.stringify(value)
  } catch {
    refuse(field, 'expected JSON-serialisable values', where)
  }
  const found = text === undefined ? null : SECRET_KEY_PATTERN.exec(text)
  if (found) {
    refuse(
      field,
      `it holds something shaped like a secret key (${fingerprint(found[1])}); a key is sent only as the client's secretKey, never as a parameter`,
      where,
    )
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value))

/**
 * The body and query a call sends: the checked ones, with the caller's `extraBody` and
 * `extraQuery` merged over them as given (the escape hatch for fields newer than this version).
 * `unchecked` says which of body and query no schema looked at; those get the secret-key check
 * too.
 */
export function withExtras(
  where: Where,
  body: unknown,
  query: Query | undefined,
  extras: { extraBody?: Record<string, unknown> | undefined; extraQuery?: Query | undefined },
  unchecked: { body: boolean; query: boolean },
): { body: unknown; query: Query | undefined } {
  const { extraBody, extraQuery } = extras
  if (unchecked.body && body !== undefined) assertNoSecretKey(body, 'body', where)
  if (unchecked.query && query !== undefined) assertNoSecretKey(query, 'query', where)
  if (extraBody !== undefined) {
    if (where.method === 'GET') {
      refuse('extraBody', 'a GET sends no body; pass extraQuery instead', where)
    }
    if (body !== undefined && !isPlainObject(body)) {
      refuse(
        'extraBody',
        'this call’s body is not an object, so nothing can be merged into it',
        where,
      )
    }
    assertNoSecretKey(extraBody, 'extraBody', where)
    body = { ...(body as object | undefined), ...extraBody }
  }
  if (extraQuery !== undefined) {
    assertNoSecretKey(extraQuery, 'extraQuery', where)
    query = { ...query, ...extraQuery }
  }
  return { body, query }
}
