import type { NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'
import { hasHidden, keyName } from './objectArgs.js'

// `new Smartpay(secretKey, { publicKey, apiPrefix })` → `createServerClient({ secretKey, baseUrl })`.

/** Where the new client ends up, so that calls on it can be found. */
export type InstanceTarget =
  | { kind: 'binding'; path: NodePath<t.VariableDeclarator> }
  | { kind: 'expression'; text: string }
  | { kind: 'export'; name: string }
  | { kind: 'none' }

const ENV_KEY = /^process\.env(\.SMARTPAY_SECRET_KEY|\[['"]SMARTPAY_SECRET_KEY['"]\])$/

/** `process.env.SMARTPAY_SECRET_KEY`, with `!`, `as string` or `?? ''` around it. */
function readsEnvKey(file: FileMigration, node: t.Node): boolean {
  let inner = node
  while (
    t.isTSNonNullExpression(inner) ||
    t.isTSAsExpression(inner) ||
    t.isParenthesizedExpression(inner)
  ) {
    inner = inner.expression
  }
  if (t.isLogicalExpression(inner) && t.isStringLiteral(inner.right)) inner = inner.left
  return ENV_KEY.test(file.source(inner).replace(/\s+/g, ''))
}

/** The expression the construction stands in, `as any` and parentheses included. */
function outermost(path: NodePath): NodePath {
  let current = path
  while (
    current.parentPath &&
    (current.parentPath.isTSAsExpression() ||
      current.parentPath.isTSNonNullExpression() ||
      current.parentPath.isParenthesizedExpression() ||
      current.parentPath.isTSSatisfiesExpression())
  ) {
    current = current.parentPath
  }
  return current
}

/** Converts one `new Smartpay(…)`; returns where the client is kept. */
export function convertConstructor(
  file: FileMigration,
  path: NodePath<t.NewExpression>,
): InstanceTarget {
  const { node } = path
  const [key, options, ...extra] = node.arguments
  if (extra.length || t.isSpreadElement(key) || (options && !t.isObjectExpression(options))) {
    file.todo(
      node,
      'new Smartpay(): this codemod converts (secretKey, { publicKey, apiPrefix }) with literal options only',
    )
    return { kind: 'none' }
  }
  if (options && hasHidden(options)) {
    file.todo(node, 'new Smartpay(): options with a spread')
    return { kind: 'none' }
  }
  const fields: string[] = []
  const notes: string[] = []
  if (key && !t.isIdentifier(key, { name: 'undefined' }) && !readsEnvKey(file, key as t.Node)) {
    const text = file.edited(key as t.Node)
    fields.push(
      t.isStringLiteral(key)
        ? `secretKey: ${text}`
        : `secretKey: ${file.use('parseSecretKey', path)}(${text})`,
    )
  }
  for (const p of options?.properties ?? []) {
    const name = keyName(p)
    const value = t.isObjectProperty(p) ? (p.shorthand ? name : file.edited(p.value)) : undefined
    if (name === 'apiPrefix') fields.push(`baseUrl: ${value}`)
    else if (name === 'publicKey')
      notes.push(
        'publicKey dropped: the server client needs none (give it to createPublicClient in the browser)',
      )
    else {
      file.todo(
        node,
        `new Smartpay(): the option ${name ?? file.source(p)} is not one of the official SDK's`,
      )
      return { kind: 'none' }
    }
  }
  const outer = outermost(path)
  const create = file.use('createServerClient', path)
  file.replace(outer.node, `${create}(${fields.length ? `{ ${fields.join(', ')} }` : ''})`)
  file.done(node, notes.join('; ') || undefined)
  return targetOf(file, outer)
}

/** Where the converted construction's value goes. */
function targetOf(file: FileMigration, outer: NodePath): InstanceTarget {
  const parent = outer.parentPath
  if (parent?.isVariableDeclarator() && t.isIdentifier(parent.node.id)) {
    // `const smartpay: any = new Smartpay()`: the client is typed now.
    const annotation = parent.node.id.typeAnnotation
    if (t.isTSTypeAnnotation(annotation) && t.isTSAnyKeyword(annotation.typeAnnotation)) {
      file.text.remove(annotation.start ?? 0, annotation.end ?? 0)
    }
    return { kind: 'binding', path: parent }
  }
  if (parent?.isAssignmentExpression()) {
    const left = file.source(parent.node.left).replace(/\s+/g, '')
    if (left === 'module.exports') return { kind: 'export', name: 'default' }
    const cjs = /^(?:module\.)?exports\.(\w+)$/.exec(left)
    if (cjs) return { kind: 'export', name: cjs[1] as string }
    return { kind: 'expression', text: left }
  }
  if (parent?.isClassProperty() && t.isIdentifier(parent.node.key)) {
    return { kind: 'expression', text: `this.${parent.node.key.name}` }
  }
  if (parent?.isExportDefaultDeclaration()) return { kind: 'export', name: 'default' }
  return { kind: 'none' }
}
