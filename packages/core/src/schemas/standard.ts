import { redactKeys } from '../errors/redact.js'

/**
 * The Standard Schema interface (standardschema.dev), which valibot schemas implement.
 * Core validates through it, so it needs no schema library of its own at run time.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': {
    readonly version: 1
    readonly vendor: string
    /** Checks a value: the output, or the issues found. */
    readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>
    readonly types?: { readonly input: Input; readonly output: Output } | undefined
  }
}

/** What a Standard Schema's `validate` answers. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: readonly StandardIssue[] }

/** One problem found by a schema. valibot's issues carry more fields (`expected`, `input`…). */
export interface StandardIssue {
  readonly message: string
  readonly path?: readonly (PropertyKey | { readonly key: PropertyKey })[] | undefined
}

/** The output type of a Standard Schema. */
export type InferOutput<S> = S extends StandardSchemaV1<unknown, infer O> ? O : unknown

/**
 * The dot path of an issue, `items.0.amount`, or undefined at the root. Key-shaped parts are
 * redacted: a key pasted as an object key (in `metadata`, say) would otherwise be echoed.
 */
export function issuePath(issue: StandardIssue): string | undefined {
  if (!issue.path?.length) return undefined
  return redactKeys(
    issue.path.map((item) => String(typeof item === 'object' ? item.key : item)).join('.'),
  )
}
