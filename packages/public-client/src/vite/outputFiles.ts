import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import type { Rollup } from 'vite'
import { findSecretKey, type KeyInFile } from './findings.js'

/** Every file under `dir`, dotfiles too, as paths relative to it with `/` separators. */
export function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
}

/** The module whose rendered code holds the key, relative to the root. */
function sourceModule(chunk: Rollup.OutputChunk, root: string): string | undefined {
  for (const [id, rendered] of Object.entries(chunk.modules)) {
    if (rendered.code && findSecretKey(id, rendered.code)) {
      return id.startsWith(`${root}/`) ? id.slice(root.length + 1) : id
    }
  }
  return undefined
}

/**
 * Keys in a bundle as it is about to be written: chunks with their source maps, and assets of
 * every kind (HTML pages, styles, images, fonts, anything), read as bytes.
 */
export function keysInBundle(bundle: Rollup.OutputBundle, root: string): KeyInFile[] {
  return Object.values(bundle).flatMap((file): KeyInFile[] => {
    const content =
      file.type === 'chunk'
        ? `${file.code}\n${file.map ? JSON.stringify(file.map) : ''}`
        : file.source
    const key = findSecretKey(file.fileName, content)
    if (!key) return []
    const module = file.type === 'chunk' ? sourceModule(file, root) : undefined
    return [{ file: file.fileName, key, ...(module ? { module } : {}) }]
  })
}

/** Keys in the files of `public/`, which a build copies to the output as they are. */
export function keysInPublicDir(publicDir: string, root: string): KeyInFile[] {
  const shown = relative(root, publicDir).split(sep).join('/') || publicDir
  return filesIn(publicDir).flatMap((file) => {
    const key = findSecretKey(file, readFileSync(join(publicDir, file)))
    return key ? [{ file, key, copiedFrom: `${shown}/${file}` }] : []
  })
}

/**
 * Keys in the files written to `dir`, skipping those `scanned` already holds with the same
 * size and time (it records each file it reads): whatever any plugin wrote, copied or
 * appended (inline source maps, precompressed `.gz`/`.br` copies) is read as it will ship.
 */
export function keysInWrittenFiles(dir: string, scanned: Map<string, string>): KeyInFile[] {
  return filesIn(dir).flatMap((file) => {
    const path = join(dir, file)
    const { size, mtimeMs } = statSync(path)
    const version = `${size}:${mtimeMs}`
    if (scanned.get(path) === version) return []
    scanned.set(path, version)
    const key = findSecretKey(file, readFileSync(path))
    return key ? [{ file, key }] : []
  })
}
