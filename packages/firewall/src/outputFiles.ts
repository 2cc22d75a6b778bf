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

/** What was read already, by path in the output folder: written files are read only beyond it. */
export type ReadFiles = Map<string, Buffer>

/**
 * Keys in a bundle as it is about to be written: chunks with their source maps, and assets of
 * every kind (HTML pages, styles, images, fonts, anything), read as bytes. Records in `read`
 * what it read of each file.
 */
export function keysInBundle(
  bundle: Rollup.OutputBundle,
  root: string,
  read: ReadFiles,
): KeyInFile[] {
  return Object.values(bundle).flatMap((file): KeyInFile[] => {
    const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source)
    read.set(file.fileName, bytes)
    const map = file.type === 'chunk' && file.map ? JSON.stringify(file.map) : ''
    const key = findSecretKey(
      file.fileName,
      map ? Buffer.concat([bytes, Buffer.from(`\n${map}`)]) : bytes,
    )
    if (!key) return []
    const module = file.type === 'chunk' ? sourceModule(file, root) : undefined
    return [{ file: file.fileName, key, ...(module ? { module } : {}) }]
  })
}

/** Keys in the files of `public/`, which a build copies to the output as they are. */
export function keysInPublicDir(publicDir: string, root: string, read: ReadFiles): KeyInFile[] {
  const shown = relative(root, publicDir).split(sep).join('/') || publicDir
  return filesIn(publicDir).flatMap((file) => {
    const bytes = readFileSync(join(publicDir, file))
    read.set(file, bytes)
    const key = findSecretKey(file, bytes)
    return key ? [{ file, key, copiedFrom: `${shown}/${file}` }] : []
  })
}

/**
 * Keys in the files written to `dir`: whatever any plugin wrote, copied or appended (inline
 * source maps, precompressed `.gz`/`.br` copies) is read as it will ship. Skips files that
 * `scanned` holds with the same size and time (it records each file it reads), and reads a file
 * that starts with what `read` holds for it only beyond that.
 */
export function keysInWrittenFiles(
  dir: string,
  scanned: Map<string, string>,
  read: ReadFiles,
): KeyInFile[] {
  return filesIn(dir).flatMap((file) => {
    const path = join(dir, file)
    const { size, mtimeMs } = statSync(path)
    const version = `${size}:${mtimeMs}`
    if (scanned.get(path) === version) return []
    scanned.set(path, version)
    const bytes = readFileSync(path)
    const before = read.get(file)
    const rest =
      before && bytes.subarray(0, before.length).equals(before)
        ? bytes.subarray(before.length)
        : bytes
    const key = rest.length > 0 ? findSecretKey(file, rest) : undefined
    return key ? [{ file, key }] : []
  })
}
