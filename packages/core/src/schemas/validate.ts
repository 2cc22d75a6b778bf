import { UnexpectedResponseError, ValidationError } from '../errors/errors.js'
import { redactKeys } from '../errors/redact.js'
import { movedFieldHint, valueHint } from './migrationHints.js'
import {
  type InferOutput,
  issuePath,
  type StandardIssue,
  type StandardSchemaV1,
} from './standard.js'
import { knownKeys, nearestKey, unknownKey } from './unknownField.js'

/** Any schema core can validate with: valibot's, or another Standard Schema. */
export type Schema = StandardSchemaV1

/**
 * Runs a schema; on issues, throws what `fail` builds from the first field and a summary.
 * `describe` may word an issue itself (an unknown field, say).
 */
function run<S extends Schema>(
  schema: S,
  value: unknown,
  fail: (field: string | undefined, text: string, issues: readonly StandardIssue[]) => Error,
  describe: (issue: StandardIssue) => string = (issue) => redactKeys(issue.message),
): InferOutput<S> {
  const result = schema['~standard'].validate(value)
  if (result instanceof Promise) throw new TypeError('Async schemas are not supported here')
  const { issues } = result
  if (!issues) return (result as { value: InferOutput<S> }).value
  const lines = issues.slice(0, 5).map((issue) => {
    const path = issuePath(issue)
    return `${path ? `${path}: ` : ''}${describe(issue)}`
  })
  if (issues.length > 5) lines.push(`…and ${issues.length - 5} more`)
  throw fail(issues[0] && issuePath(issues[0]), lines.join('; '), issues)
}

/**
 * Validates call parameters before any request; throws {@link ValidationError} naming the
 * field. Returns the schema's output (defaults applied, unknown keys as the schema decides).
 * An unknown field is named with the nearest known one ("did you mean `successUrl`?") and the
 * per-call escape hatch for fields newer than this version: `extraBody`, or `extraQuery` when
 * `where.in` is `'query'`. A field or value of the official SDK's shapes (`idempotencyKey` in the
 * params, `mode: 'token'`, `shipping`…) is named with its fix instead (`migrationHints.ts`).
 */
export function validateParams<S extends Schema>(
  schema: S,
  value: unknown,
  where: { method: string; path: string; in?: 'body' | 'query' | undefined },
): InferOutput<S> {
  const { in: place = 'body', ...at } = where
  // The first unknown field's top-level name, and whether it is nested below it.
  let unknown: [top: string, nested: boolean] | undefined
  const describe = (issue: StandardIssue) => {
    const name = unknownKey(issue)
    if (name === undefined) {
      const hint = valueHint(issue)
      return redactKeys(issue.message) + (hint ? `: ${hint}` : '')
    }
    const moved = movedFieldHint(name, issue)
    if (moved) return `unknown field: ${moved}`
    const top = issuePath({ message: '', path: issue.path?.slice(0, 1) }) ?? name
    unknown ??= [top, (issue.path?.length ?? 0) > 1]
    const near = nearestKey(name, knownKeys(schema, issue))
    return `unknown field${near ? `; did you mean "${near}"?` : ''}`
  }
  return run(
    schema,
    value,
    (field, text, issues) => {
      const extra = place === 'body' ? 'extraBody' : 'extraQuery'
      const [top, nested] = unknown ?? []
      const hint = !top
        ? ''
        : nested
          ? ` If Smartpay added that field after this version, send the whole "${top}" with the call's options, { ${extra}: { ${top}: … } }: it replaces the checked one.`
          : ` If Smartpay added "${top}" after this version, send it with the call's options: { ${extra}: { ${top}: … } }.`
      return new ValidationError(
        `Invalid parameters for ${at.method} ${at.path}${field ? ` (field "${field}")` : ''}: ${text}. Nothing was sent.${hint}`,
        { field, issues, ...at },
      )
    },
    describe,
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
