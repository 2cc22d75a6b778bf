import { UnexpectedResponseError, ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'
import {
  type InferOutput,
  issuePath,
  type StandardIssue,
  type StandardResult,
  type StandardSchemaV1,
} from './standard.js'

/** Any schema core can validate with: valibot's, or another Standard Schema. */
export type Schema = StandardSchemaV1

function describe(issues: readonly StandardIssue[]): { field: string | undefined; text: string } {
  const lines = issues.slice(0, 5).map((issue) => {
    const path = issuePath(issue)
    return `${path ? `${path}: ` : ''}${redactKeys(issue.message)}`
  })
  if (issues.length > 5) lines.push(`…and ${issues.length - 5} more`)
  return { field: issues[0] && issuePath(issues[0]), text: lines.join('; ') }
}

function run<S extends Schema>(schema: S, value: unknown): StandardResult<InferOutput<S>> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new TypeError('Async schemas are not supported here')
  return result as StandardResult<InferOutput<S>>
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
  const result = run(schema, value)
  if (!result.issues) return result.value
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
): InferOutput<S> {
  const result = run(schema, value)
  if (!result.issues) return result.value
  const { field, text } = describe(result.issues)
  throw new UnexpectedResponseError(
    `The API's answer to ${where.method} ${where.path} does not match the expected shape${field ? ` at "${field}"` : ''}: ${text}.`,
    {
      ...where,
      details: result.issues.map((issue) => ({ path: issuePath(issue), message: issue.message })),
    },
  )
}
