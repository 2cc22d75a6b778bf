import { type Dirent, readdirSync, realpathSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A file a static host serves from a folder. */
export interface ServedFile {
  /** Its path under the folder, with `/` separators: its URL path. */
  file: string
  /** Where to read it. */
  path: string
}

function entries(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
}

/** What a link points at, or undefined when it points nowhere (a host serves nothing there). */
function target(path: string): { dir: boolean; file: boolean } | undefined {
  try {
    const stats = statSync(path)
    return { dir: stats.isDirectory(), file: stats.isFile() }
  } catch {
    return undefined
  }
}

/**
 * Every file a static host serves from `dir`, dotfiles too, as upload tools and hosts see it:
 * symbolic links are followed, to files and folders, inside or outside `dir` (`dist/shared ->
 * ../shared`). A folder reached again through a link is walked once, so a link to a parent
 * ends no walk in a loop. Only regular files are read (not a link to `/dev/zero`). `served`
 * keeps only the files it accepts (their path under `dir`).
 */
export function servedFiles(dir: string, served?: (file: string) => boolean): ServedFile[] {
  const files: ServedFile[] = []
  const walked = new Set<string>()
  const walk = (folder: string, prefix: string) => {
    let real: string
    try {
      real = realpathSync(folder)
    } catch {
      return
    }
    if (walked.has(real)) return
    walked.add(real)
    for (const entry of entries(folder)) {
      const path = join(folder, entry.name)
      const file = `${prefix}${entry.name}`
      const kind = entry.isSymbolicLink()
        ? target(path)
        : { dir: entry.isDirectory(), file: entry.isFile() }
      if (kind?.dir) walk(path, `${file}/`)
      else if (kind?.file && (!served || served(file))) files.push({ file, path })
    }
  }
  walk(dir, '')
  return files
}
