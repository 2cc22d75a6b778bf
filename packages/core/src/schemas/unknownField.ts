import type { StandardIssue } from './standard.js'

/** A path step as valibot reports it: where in the input, and whether the key itself failed. */
type Step = {
  readonly type?: string
  readonly origin?: string
  readonly key?: unknown
  readonly input?: unknown
}

/**
 * What core reads of a schema to name the fields it knows: valibot's shape (`entries` on
 * objects, `wrapped` on optional/nullable, `item` on arrays, `options` on unions and variants).
 * Another Standard Schema simply yields no suggestion.
 */
type Shape = {
  readonly entries?: Readonly<Record<string, Shape>>
  readonly wrapped?: Shape
  readonly item?: Shape
  readonly options?: readonly Shape[]
}

/** The unknown key an issue reports (valibot's strict objects: `expected: 'never'`), if any. */
export function unknownKey(issue: StandardIssue): string | undefined {
  const last = issue.path?.at(-1) as Step | undefined
  const isKey = last?.origin === 'key' && (issue as { expected?: unknown }).expected === 'never'
  return isKey ? String(last.key) : undefined
}

/** The objects a path can lead to through a schema (several, below a union). */
function objectsAt(schema: Shape, path: readonly Step[]): Shape[] {
  if (schema.wrapped) return objectsAt(schema.wrapped, path)
  if (schema.options) return schema.options.flatMap((option) => objectsAt(option, path))
  const [step, ...rest] = path
  if (!step) return schema.entries ? [schema] : []
  const next = step.type === 'array' ? schema.item : schema.entries?.[String(step.key)]
  return next ? objectsAt(next, rest) : []
}

/** The fields a schema knows where an issue found an unknown one, less those already given. */
export function knownKeys(schema: unknown, issue: StandardIssue): string[] {
  const steps = (issue.path ?? []) as Step[]
  const given = steps.at(-1)?.input
  const objects = objectsAt(schema as Shape, steps.slice(0, -1))
  const known = new Set(objects.flatMap((object) => Object.keys(object.entries ?? {})))
  return [...known].filter((key) => !(typeof given === 'object' && given && key in given))
}

/** Edit distance between two short strings (insert, delete, replace, each costing 1). */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const next = [i]
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + cost,
      )
    }
    row = next
  }
  return row[b.length] as number
}

/**
 * The known field `name` was most likely meant to be: the same letters in another case, or
 * the closest within a third of its length (at least 2 edits), or none.
 * @example nearestKey('successURL', ['successUrl', 'cancelUrl']) // 'successUrl'
 */
export function nearestKey(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase()
  const sameLetters = known.find((key) => key.toLowerCase() === lower)
  if (sameLetters) return sameLetters
  let best: string | undefined
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1
  for (const key of known) {
    const d = distance(lower, key.toLowerCase())
    if (d < bestDistance) {
      best = key
      bestDistance = d
    }
  }
  return best
}
