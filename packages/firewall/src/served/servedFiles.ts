import { existsSync, readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

/** A file a static host serves from a folder. */
export interface ServedFile {
  /** Its path under the folder, with `/` separators: its URL path. */
  file: string
  /** Where to read it. */
  path: string
}

/** Every file under `dir`, dotfiles too. */
export function servedFiles(dir: string): ServedFile[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      return { file: relative(dir, path).split(sep).join('/'), path }
    })
}
