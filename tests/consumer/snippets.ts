import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

// README snippets as a user copies them: each ```ts block of a README, as a module of its own.

/** One code block: the Markdown file (relative to the repository) and its first code line. */
export interface Snippet {
  file: string
  line: number
  /** `tsx` for a tsx block (React), `ts` for the others. */
  lang: 'ts' | 'tsx'
  code: string
}

/** The ```ts (or typescript, tsx) blocks of a Markdown text, unindented when inside a list. */
export function snippetsOf(markdown: string, file: string): Snippet[] {
  const lines = markdown.split('\n')
  const found: Snippet[] = []
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(ts|typescript|tsx)\s*$/.exec(lines[i] ?? '')
    if (!open) continue
    const indent = open[1]?.length ?? 0
    const start = i + 1
    let end = start
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end] ?? '')) end++
    const code = lines.slice(start, end).map((line) => line.slice(indent))
    const lang = open[2] === 'tsx' ? 'tsx' : 'ts'
    found.push({ file, line: start + 1, lang, code: code.join('\n') })
    i = end
  }
  return found
}

/**
 * The READMEs whose snippets are checked: the root's, every package's and every example's.
 * A README added to a package or an example is picked up without a change here.
 */
export function readmes(repo: string): string[] {
  const inside = (folder: string) =>
    readdirSync(join(repo, folder), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${folder}/${entry.name}/README.md`)
  return ['README.md', ...inside('packages'), ...inside('examples')].filter((file) => {
    try {
      return readFileSync(join(repo, file)).length > 0
    } catch {
      return false
    }
  })
}

/**
 * tsc's diagnostics for the snippets written as `snippets/<index>.ts(x)`, each reported at its
 * place in its README (`packages/server-client/README.md:52:7: error TS2345: …`).
 */
export function placeErrors(output: string, snippets: readonly Snippet[]): string[] {
  const errors: string[] = []
  for (const line of output.split('\n')) {
    const at = /^snippets\/(\d+)\.tsx?\((\d+),(\d+)\): (.*)$/.exec(line)
    const snippet = at && snippets[Number(at[1])]
    if (at && snippet) {
      errors.push(`${snippet.file}:${snippet.line + Number(at[2]) - 1}:${at[3]}: ${at[4]}`)
    } else if (line.startsWith(' ') && errors.length > 0) {
      errors[errors.length - 1] += `\n${line}`
    } else if (line.trim() !== '') {
      errors.push(line)
    }
  }
  return errors
}
