import { UnexpectedResponseError, ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'
import {
  type InferOutput,
  issuePath,
  type StandardIssue,
  type StandardSchemaV1,
} from './standard.js'

/** Any schema core can validate with: valibot's, or another Standard Schema. */
export type Schema = StandardSchemaV1

/** Runs a schema; on issues, throws what `fail` builds from the first field and a summary. */
function run<S extends Schema>(
  schema: S,
  value: unknown,
  fail: (field: string | undefined, text: string, issues: readonly StandardIssue[]) => Error,
): InferOutput<S> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new TypeError('Async schemas are not supported here')
  const { issues } = result
  if (!issues) return (result as { value: InferOutput<S> }).value
  const lines = issues.slice(0, 5).map((issue) => {
    const path = issuePath(issue)
    return `${path ? `${path}: ` : ''}${redactKeys(issue.message)}`
  })
  if (issues.length > 5) lines.push(`…and ${issues.length - 5} more`)
  throw fail(issues[0] && issuePath(issues[0]), lines.join('; '), issues)
}

/**
 * Validates call parameters before any request; throws {@link ValidationError} naming the
 * field. Returns the schema's output (defaults applied, unknown keys as the schema decides).
 */
export function validateParams<S extends Schema>(
  schema: S,
  value: unknown,
  where: { method: string; path: string },
): InferOutput<S> {
  return run(
    schema,
    value,
    (field, text, issues) =>
      new ValidationError(
        `Invalid parameters for ${where.method} ${where.path}${field ? ` (field "${field}")` : ''}: ${text}. Nothing was sent.`,
        { field, issues, ...where },
      ),
  )
}

/** Validates an API response; throws {@link UnexpectedResponseError} on a shape it does not know. */
export function validateResponse<S extends Schema>(
  schema: S,
  value: unknown,
  where: { method: string; path: string; status: number; requestId?: string | undefined },
): InferOutput<S> {
  return run(
    schema,
    value,
    (field, text, issues) =>
      new UnexpectedResponseError(
        `The API's answer to ${where.method} ${where.path} does not match the expected shape${field ? ` at "${field}"` : ''}: ${text}.`,
        {
          ...where,
          details: issues.map((issue) => ({
            path: issuePath(issue),
            message: redactKeys(issue.message),
          })),
        },
      ),
  )
}
