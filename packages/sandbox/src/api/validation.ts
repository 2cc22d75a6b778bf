import { type ErrorDetail, invalidRequest } from '../domain/errors.js'
import type { JsonObject } from '../domain/objects.js'

/** Checks one value and records what is wrong with it at `path`. */
export type Rule = (value: unknown, path: string, issues: ErrorDetail[]) => void

/** A field of an object shape: its rule and whether it must be present. */
export interface Field {
  rule: Rule
  required: boolean
}

/** The fields of an object; a bare rule is an optional field. */
export type Shape = Record<string, Field | Rule>

/** Marks a field as required. */
export const required = (rule: Rule): Field => ({ rule, required: true })

const join = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key

const isPlainObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A string, optionally with a length range, an allowed set, or an http(s) URL. */
export function string(
  opts: { min?: number; max?: number; oneOf?: readonly string[]; url?: boolean } = {},
): Rule {
  return (value, path, issues) => {
    if (typeof value !== 'string') return void issues.push({ path, message: 'must be a string' })
    const { min = 0, max, oneOf, url } = opts
    if (value.length < min) issues.push({ path, message: `must be at least ${min} characters` })
    if (max !== undefined && value.length > max)
      issues.push({ path, message: `must be at most ${max} characters` })
    if (oneOf && !oneOf.includes(value))
      issues.push({ path, message: `must be one of: ${oneOf.join(', ')}` })
    if (url && !isHttpUrl(value)) issues.push({ path, message: 'must be an http(s) URL' })
  }
}

/** Whether `value` parses as an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value)
    return protocol === 'https:' || protocol === 'http:'
  } catch {
    return false
  }
}

/** An integer in a range (`min` defaults to 0: amounts are never negative). */
export function integer(opts: { min?: number; max?: number } = {}): Rule {
  const { min = 0, max = Number.MAX_SAFE_INTEGER } = opts
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isInteger(value))
      return void issues.push({ path, message: 'must be an integer' })
    if (value < min) issues.push({ path, message: `must be an integer ≥ ${min}` })
    if (value > max) issues.push({ path, message: `must be an integer ≤ ${max}` })
  }
}

/** A finite number in a range. */
export function number(opts: { min: number; max: number }): Rule {
  return (value, path, issues) => {
    if (typeof value !== 'number' || !Number.isFinite(value))
      return void issues.push({ path, message: 'must be a number' })
    if (value < opts.min || value > opts.max)
      issues.push({ path, message: `must be between ${opts.min} and ${opts.max}` })
  }
}

/** `true` or `false`. */
export const boolean: Rule = (value, path, issues) => {
  if (typeof value !== 'boolean') issues.push({ path, message: 'must be a boolean' })
}

/** An array whose entries all pass `item`, with a length range. */
export function array(item: Rule, opts: { min?: number; max?: number } = {}): Rule {
  return (value, path, issues) => {
    if (!Array.isArray(value)) return void issues.push({ path, message: 'must be an array' })
    const { min = 0, max } = opts
    if (value.length < min) issues.push({ path, message: `must have at least ${min} entries` })
    if (max !== undefined && value.length > max)
      issues.push({ path, message: `must have at most ${max} entries` })
    value.forEach((entry, index) => {
      item(entry, join(path, index), issues)
    })
  }
}

/** An object with the given fields; unknown keys are allowed. */
export function object(shape: Shape): Rule {
  return (value, path, issues) => {
    if (!isPlainObject(value)) return void issues.push({ path, message: 'must be an object' })
    for (const [key, field] of Object.entries(shape)) {
      const { rule, required: isRequired } =
        typeof field === 'function' ? { rule: field, required: false } : field
      const entry = value[key]
      const at = join(path, key)
      if (entry === undefined || entry === null) {
        if (isRequired) issues.push({ path: at, message: 'is required' })
      } else rule(entry, at, issues)
    }
  }
}

/** Up to 20 key–value pairs of strings, numbers or booleans. */
export const metadata: Rule = (value, path, issues) => {
  if (!isPlainObject(value)) return void issues.push({ path, message: 'must be an object' })
  const entries = Object.entries(value)
  if (entries.length > 20) issues.push({ path, message: 'must have at most 20 key–value pairs' })
  for (const [key, entry] of entries) {
    if (key.length > 40)
      issues.push({ path: join(path, key), message: 'key is over 40 characters' })
    if (!['string', 'number', 'boolean'].includes(typeof entry))
      issues.push({ path: join(path, key), message: 'must be a string, number or boolean' })
  }
}

/** Checks a request body against a shape; throws 400 `request.invalid` listing every problem. */
export function validate(
  body: unknown,
  shape: Shape,
  extra?: (issues: ErrorDetail[]) => void,
): JsonObject {
  const issues: ErrorDetail[] = []
  object(shape)(body, '', issues)
  if (issues.length === 0) extra?.(issues)
  if (issues.length > 0) throw invalidRequest(issues)
  return body as JsonObject
}
