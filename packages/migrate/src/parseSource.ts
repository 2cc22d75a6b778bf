import { type ParserPlugin, parse } from '@babel/parser'
import traverseModule, { type NodePath, type TraverseOptions } from '@babel/traverse'
import type * as t from '@babel/types'

// @babel/traverse is CommonJS with an `exports.default`: Node's ESM import sees the module object.
const traverseFn = ((traverseModule as unknown as { default?: unknown }).default ??
  traverseModule) as (node: t.Node, options: TraverseOptions) => void

/** Whether a file is a module (import/export) or CommonJS, judged from its name first. */
export function isModuleFile(filename: string, program: t.Program): boolean {
  if (/\.(cjs|cts)$/.test(filename)) return false
  if (/\.(mjs|mts)$/.test(filename)) return true
  return program.sourceType === 'module'
}

/** Parses JavaScript or TypeScript (JSX included by extension), keeping locations. */
export function parseSource(code: string, filename: string): t.File {
  const plugins: ParserPlugin[] = []
  if (/\.(c|m)?tsx?$/.test(filename)) plugins.push('typescript')
  if (/\.(tsx|jsx|js|mjs|cjs)$/.test(filename)) plugins.push('jsx')
  return parse(code, {
    sourceType: /\.(cjs|cts)$/.test(filename) ? 'script' : 'unambiguous',
    sourceFilename: filename,
    plugins,
    allowReturnOutsideFunction: true,
    allowAwaitOutsideFunction: true,
    errorRecovery: false,
  })
}

/** Walks a parsed file with scopes; returns the program's path. */
export function programPath(file: t.File): NodePath<t.Program> {
  let program: NodePath<t.Program> | undefined
  traverseFn(file, {
    Program(path) {
      program = path
      path.stop()
    },
  })
  if (!program) throw new Error('no program')
  return program
}
