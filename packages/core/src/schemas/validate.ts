import * as v from 'valibot'
import { UnexpectedResponseError, ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'

/** Any valibot schema, sync. */
export type Schema = v.GenericSchema

function describe(issues: readonly v.BaseIssue<unknown>[]): {
  field: string | undefined
  text: string
} {
  const first = issues[0]
  const field = first ? (v.getDotPath(first) ?? undefined) : undefined
  const lines = issues.slice(0, 5).map((issue) => {
    const path = v.getDotPath(issue)
    return `${path ? `${path}: ` : ''}${redactKeys(issue.message)}`
  })
  if (issues.length > 5) lines.push(`…and ${issues.length - 5} more`)
  return { field, text: lines.join('; ') }
}

/**
 * Validates call parameters before any request; throws {@link ValidationError} naming the
 * field. Returns valibot's output (defaults applied, unknown keys as the schema decides).
 */
export function validateParams<S extends Schema>(
  schema: S,
  value: unknown,
  where: { method: string; path: string },
): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const { field, text } = describe(result.issues)
  throw new ValidationError(
    `Invalid parameters for ${where.method} ${where.path}${field ? ` (field "${field}")` : ''}: ${text}. Nothing was sent.`,
    { field, issues: result.issues, method: where.method, path: where.path },
  )
}

/** Validates an API response; throws {@link UnexpectedResponseError} on a shape it does not know. */
export function validateResponse<S extends Schema>(
  schema: S,
  value: unknown,
  where: { method: string; path: string; status: number; requestId?: string | undefined },
): v.InferOutput<S> {
  const result = v.safeParse(schema, value)
  if (result.success) return result.output
  const { field, text } = describe(result.issues)
  throw new UnexpectedResponseError(
    `The API's answer to ${where.method} ${where.path} does not match the expected shape${field ? ` at "${field}"` : ''}: ${text}.`,
    { ...where, details: result.issues },
  )
}
