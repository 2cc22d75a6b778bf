import type { NodePath } from '@babel/traverse'
import type * as t from '@babel/types'
import MagicString from 'magic-string'
import { IMPORTED_FROM } from './officialSdk.js'

/** A place in a file and what to say about it. */
export interface Finding {
  /** 1-based line. */
  line: number
  why: string
}

/**
 * One file being migrated: its text and the edits on it, what was found, and the names the
 * edits need imported. Every conversion goes through here, so that counting is done once.
 */
export class FileMigration {
  readonly text: MagicString
  /** Official call sites found (constructor, methods, statics, constants, validators). */
  sites = 0
  /** Of which converted. */
  converted = 0
  /** Call sites left as they were, and why. */
  readonly todos: Finding[] = []
  /** Converted call sites whose behaviour differs in a way worth checking. */
  readonly notes: Finding[] = []
  /** Names to import from the new packages (name → local name). */
  readonly imports = new Map<string, string>()
  /** Names to import as types only. */
  readonly typeImports = new Set<string>()
  /** Exported names (or 'default') under which this file exports an official SDK instance. */
  readonly exportsInstance = new Set<string>()
  readonly quote: "'" | '"'
  readonly typescript: boolean

  constructor(
    readonly code: string,
    readonly filename: string,
  ) {
    this.text = new MagicString(code)
    const singles = code.match(/'[^'\n]*'/g)?.length ?? 0
    const doubles = code.match(/"[^"\n]*"/g)?.length ?? 0
    this.quote = doubles > singles ? '"' : "'"
    this.typescript = /\.(c|m)?tsx?$/.test(filename)
  }

  /** The original text of a node. */
  source(node: t.Node): string {
    return this.code.slice(node.start ?? 0, node.end ?? 0)
  }

  /** The text of a node with the edits made inside it so far. */
  edited(node: t.Node): string {
    return this.text.slice(node.start ?? 0, node.end ?? 0)
  }

  /** A string literal in the file's quote style. */
  string(value: string): string {
    const json = JSON.stringify(value)
    if (this.quote === '"') return json
    return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`
  }

  line(node: t.Node): number {
    return node.loc?.start.line ?? 0
  }

  replace(node: t.Node, text: string): void {
    this.text.overwrite(node.start ?? 0, node.end ?? 0, text)
  }

  /** Counts a call site as converted; `note` says what to check. */
  done(node: t.Node, note?: string): void {
    this.sites++
    this.converted++
    if (note) this.notes.push({ line: this.line(node), why: note })
  }

  /** Counts a call site as not converted, and why. */
  todo(node: t.Node, why: string): void {
    this.sites++
    this.todos.push({ line: this.line(node), why })
  }

  /** The local name of `name` from the new packages, imported when the file is written. */
  use(name: string, path: NodePath): string {
    const known = this.imports.get(name)
    if (known) return known
    if (!(name in IMPORTED_FROM)) throw new Error(`no module for ${name}`)
    const program = path.scope.getProgramParent()
    const local = program.hasBinding(name) ? program.generateUid(name) : name
    this.imports.set(name, local)
    return local
  }

  /** A type from the new packages, imported with `type`. */
  useType(name: string): string {
    this.typeImports.add(name)
    return name
  }
}
