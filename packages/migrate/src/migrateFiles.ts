/// <reference types="node" />
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, extname, join, relative, resolve } from 'node:path'
import type { Finding } from './FileMigration.js'
import { migrateSource, type SourceMigration } from './migrateSource.js'

/** What the codemod made of one file. */
export interface FileReport extends Omit<SourceMigration, 'exportsInstance'> {
  /** As given or found, relative to the working directory. */
  path: string
  /** The text before. */
  before: string
  /** Set when the file could not be parsed or converted; it is then left as it was. */
  error?: string
}

/** What the codemod made of every file. */
export interface Migration {
  files: FileReport[]
  /** Official call sites found in all files, and how many were converted. */
  sites: number
  converted: number
}

/** Options of {@link migrateFiles}. */
export interface MigrateFilesOptions {
  /** Write the converted files in place. @default true */
  write?: boolean
  /** Where relative paths start and reports are relative to. @default process.cwd() */
  cwd?: string
}

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/
const SKIPPED = new Set([
  'node_modules',
  '.git',
  'dist',
  'build',
  '.next',
  '.svelte-kit',
  'coverage',
  '.turbo',
])

/** The source files under the given paths (folders walked, node_modules and builds skipped). */
export function sourceFiles(paths: readonly string[], cwd: string): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    const stat = statSync(path)
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path).sort()) {
        if (!SKIPPED.has(entry)) walk(join(path, entry))
      }
    } else if (SOURCE.test(path) && !path.endsWith('.d.ts')) {
      found.push(path)
    }
  }
  for (const path of paths) {
    const absolute = resolve(cwd, path)
    const stat = statSync(absolute) // throws ENOENT for a path that does not exist
    if (stat.isFile()) found.push(absolute)
    else walk(absolute)
  }
  return [...new Set(found)]
}

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs']

/** The file an import specifier means, among `files`; aliases (`@/lib/x`) by their tail. */
function resolveImport(
  from: string,
  specifier: string,
  files: ReadonlySet<string>,
): string | undefined {
  const bare = (path: string) => path.slice(0, path.length - extname(path).length)
  if (specifier.startsWith('.')) {
    const base = resolve(dirname(from), specifier)
    const candidates = [base, bare(base), join(base, 'index')].flatMap((path) => [
      path,
      ...EXTENSIONS.map((ext) => path + ext),
    ])
    return candidates.find((path) => files.has(path))
  }
  const tail = specifier.replace(/^(?:@|~|#)\//, '')
  if (tail === specifier) return undefined // a package
  return [...files].find(
    (file) => bare(file).endsWith(`/${bare(tail)}`) || bare(file).endsWith(`/${tail}/index`),
  )
}

/**
 * Migrates every source file under `paths`: two passes, so that a client created in one file
 * (`export const smartpay = new Smartpay()`) is followed into the files that import it.
 */
export function migrateFiles(
  paths: readonly string[],
  options: MigrateFilesOptions = {},
): Migration {
  const cwd = options.cwd ?? process.cwd()
  const files = sourceFiles(paths, cwd)
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]))
  const exported = new Map<string, readonly string[]>()
  const all = new Set(files)
  for (const [file, text] of texts) {
    if (!text.includes('@smartpay/sdk-node')) continue
    try {
      const names = migrateSource(text, file).exportsInstance
      if (names.length) exported.set(file, names)
    } catch {
      // Reported in the second pass.
    }
  }
  const reports: FileReport[] = []
  for (const [file, text] of texts) {
    const path = relative(cwd, file) || file
    try {
      const result = migrateSource(text, file, {
        instancesExportedBy: (specifier) => {
          const target = resolveImport(file, specifier, all)
          return target ? exported.get(target) : undefined
        },
      })
      const { exportsInstance: _, ...rest } = result
      if (result.sites === 0 && !result.changed) continue
      reports.push({ ...rest, path, before: text })
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      reports.push({
        path,
        before: text,
        code: text,
        changed: false,
        sites: 0,
        converted: 0,
        todos: [],
        notes: [],
        error: message,
      })
    }
  }
  if (options.write !== false) {
    for (const report of reports) {
      if (report.changed && !report.error) writeFileSync(resolve(cwd, report.path), report.code)
    }
  }
  return {
    files: reports,
    sites: reports.reduce((sum, r) => sum + r.sites, 0),
    converted: reports.reduce((sum, r) => sum + r.converted, 0),
  }
}

/** `path:line: why`, the form editors and CI logs link. */
export function formatFinding(path: string, finding: Finding): string {
  return `${path}:${finding.line}: ${finding.why}`
}
