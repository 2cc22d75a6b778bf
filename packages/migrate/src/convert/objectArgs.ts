import type { NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'

// Taking an object literal apart: the official SDK took `{ id, idempotencyKey, ...fields }` in
// one object, which becomes an id, params and call options here.

/** The name of a property's key when it is a plain one (`id`, `'id'`), else undefined. */
export function keyName(property: t.Node): string | undefined {
  if (!t.isObjectProperty(property) || property.computed) return undefined
  const { key } = property
  if (t.isIdentifier(key)) return key.name
  if (t.isStringLiteral(key)) return key.value
  return undefined
}

/** The property of that name, when the literal has exactly one and no spread could hide one. */
export function property(object: t.ObjectExpression, name: string): t.ObjectProperty | undefined {
  const found = object.properties.filter((p) => keyName(p) === name)
  return found.length === 1 ? (found[0] as t.ObjectProperty) : undefined
}

/** Whether a spread or a computed key could bring in fields this codemod cannot see. */
export function hasHidden(object: t.ObjectExpression): boolean {
  return object.properties.some(
    (p) => t.isSpreadElement(p) || t.isObjectMethod(p) || (t.isObjectProperty(p) && p.computed),
  )
}

/** The edited text of a property's value. */
export function valueText(file: FileMigration, prop: t.ObjectProperty): string {
  return file.edited(prop.value)
}

/** `{ a, b }` from the given properties (their edited text), or undefined for none. */
export function objectText(file: FileMigration, props: readonly t.Node[]): string | undefined {
  if (props.length === 0) return undefined
  return `{ ${props.map((p) => file.edited(p)).join(', ')} }`
}

/** `{ idempotencyKey: … }` for the call options, from the params' own property. */
export function optionsText(file: FileMigration, props: readonly t.ObjectProperty[]): string {
  return `{ ${props.map((p) => (p.shorthand ? keyName(p) : `${keyName(p)}: ${valueText(file, p)}`)).join(', ')} }`
}

/** Removes one property from an object literal, with its comma, keeping the others as written. */
export function removeProperty(
  file: FileMigration,
  object: t.ObjectExpression,
  prop: t.Node,
): void {
  const props = object.properties
  const index = props.indexOf(prop as (typeof props)[number])
  const next = props[index + 1]
  const previous = props[index - 1]
  const start = prop.start ?? 0
  if (next) {
    file.text.remove(start, next.start ?? 0)
  } else if (previous) {
    // The last one: from the end of the one before (its comma and the space go too).
    file.text.remove(previous.end ?? 0, prop.end ?? 0)
  } else {
    file.text.remove(start, prop.end ?? 0)
  }
}

/** The object literal an identifier is bound to by `const x = { … }` in this file, if any. */
export function constObject(path: NodePath, node: t.Node): t.ObjectExpression | undefined {
  if (!t.isIdentifier(node)) return undefined
  const binding = path.scope.getBinding(node.name)
  if (binding?.kind !== 'const' || !binding.path.isVariableDeclarator()) return undefined
  const init = binding.path.node.init
  return t.isObjectExpression(init) ? init : undefined
}
