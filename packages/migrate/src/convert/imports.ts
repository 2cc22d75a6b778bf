import type { NodePath } from '@babel/traverse'
import * as t from '@babel/types'
import type { FileMigration } from '../FileMigration.js'
import { IMPORTED_FROM, MODULES } from '../officialSdk.js'
import { parseSource, programPath } from '../parseSource.js'

// The file's imports: the new names from @smartpay-kit/server-client (and its /webhooks and
// /webhooks/node entries), in the file's own style (import or require, quotes, semicolons);
// the official import goes when nothing uses it any more.

function semicolons(code: string): boolean {
  const lines = code.split('\n').filter((line) => /\S/.test(line))
  const ending = lines.filter((line) => /;\s*$/.test(line)).length
  return ending * 3 >= lines.length
}

function statements(file: FileMigration, module: boolean): string[] {
  const semi = semicolons(file.code) ? ';' : ''
  const out: string[] = []
  for (const [key, specifier] of Object.entries(MODULES)) {
    const names = [...file.imports]
      .filter(([name]) => IMPORTED_FROM[name] === key)
      .sort(([a], [b]) => a.localeCompare(b))
    const types = key === 'client' && module ? [...file.typeImports] : []
    if (names.length === 0 && types.length === 0) continue
    const source = file.string(specifier)
    if (module) {
      const list = [
        ...names.map(([name, local]) => (name === local ? name : `${name} as ${local}`)),
        ...types.map((name) => `type ${name}`),
      ]
      out.push(`import { ${list.join(', ')} } from ${source}${semi}`)
    } else {
      const list = names.map(([name, local]) => (name === local ? name : `${name}: ${local}`))
      out.push(`const { ${list.join(', ')} } = require(${source})${semi}`)
    }
  }
  return out
}

/** The statement an import of the official SDK is (its declaration, for a require). */
function statementOf(path: NodePath): NodePath {
  return path.isVariableDeclaration() || path.isImportDeclaration()
    ? path
    : (path.getStatementParent() ?? path)
}

/** The local names an official import statement binds. */
function localNames(statement: t.Node): string[] {
  if (t.isImportDeclaration(statement)) return statement.specifiers.map((s) => s.local.name)
  if (t.isVariableDeclaration(statement)) {
    return statement.declarations.flatMap((d) => Object.keys(t.getBindingIdentifiers(d.id)))
  }
  return []
}

/** Rewrites the imports once every conversion is in the text. */
export function writeImports(
  file: FileMigration,
  program: NodePath<t.Program>,
  module: boolean,
  officialImports: readonly NodePath[],
): void {
  const official = [...new Set(officialImports.map(statementOf))]
  const style = official[0] ? official[0].isImportDeclaration() : module
  const added = statements(file, style)
  // An official import goes when its names are no longer used: checked on the new text, parsed.
  const removable = official.filter((statement) => {
    const names = localNames(statement.node)
    const without = file.text.clone()
    without.remove(statement.node.start ?? 0, statement.node.end ?? 0)
    return !stillUsed(without.toString(), file.filename, names)
  })
  const newline = /\r\n/.test(file.code) ? '\r\n' : '\n'
  const block = added.join(newline)
  const [first] = official
  if (first && removable.includes(first) && block) {
    file.text.overwrite(first.node.start ?? 0, first.node.end ?? 0, block)
  } else if (block) {
    const anchor = first ?? lastImport(file, program)
    if (anchor) file.text.appendRight(anchor.node.end ?? 0, newline + block)
    else file.text.prepend(block + newline)
  }
  for (const statement of removable) {
    if (statement === first && block) continue
    removeStatement(file, statement.node)
  }
}

function removeStatement(file: FileMigration, node: t.Node): void {
  let end = node.end ?? 0
  if (file.code[end] === '\r') end++
  if (file.code[end] === '\n') end++
  file.text.remove(node.start ?? 0, end)
}

function lastImport(file: FileMigration, program: NodePath<t.Program>): NodePath | undefined {
  const imports = program
    .get('body')
    .filter(
      (s) =>
        s.isImportDeclaration() ||
        (s.isVariableDeclaration() && /\brequire\(/.test(file.source(s.node))),
    )
  return imports.at(-1)
}

/** Whether any of `names` is still referenced in `code` (parsed: strings and comments do not count). */
function stillUsed(code: string, filename: string, names: readonly string[]): boolean {
  const program = programPath(parseSource(code, filename))
  const globals = (program.scope as unknown as { globals: Record<string, unknown> }).globals
  if (names.some((name) => name in globals)) return true
  // TypeScript type positions (`typeof Smartpay`) are not scope references.
  let found = false
  program.traverse({
    TSTypeQuery(path) {
      if (t.isIdentifier(path.node.exprName) && names.includes(path.node.exprName.name))
        found = true
    },
    TSTypeReference(path) {
      if (t.isIdentifier(path.node.typeName) && names.includes(path.node.typeName.name))
        found = true
    },
  })
  return found
}
