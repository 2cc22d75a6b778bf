import { readFileSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { findSecretKey } from '../scan/findSecretKeys.js'
import type { KeyInFile } from './messages.js'
import { servedFiles } from './servedFiles.js'

/** A file about to be written, still in memory (a bundler's output before it writes it). */
export interface PendingFile {
  /** Where it will be written. */
  path: string
  /** How messages name it (the bundler's file name). */
  shown: string
  bytes: Uint8Array
  /** Its source map, read with it: a key only in `sourcesContent` ships with the map. */
  map?: string
  /** The source module whose code holds the key, looked up only when there is one. */
  module?: () => string | undefined
}

/** A folder on disk, and which of its files (by path under it, `/`-separated) are served. */
export interface ServedDir {
  dir: string
  /** Whether a browser can fetch `file`; all files when absent. */
  serves?: (file: string) => boolean
}

/**
 * The one scan of what a browser can fetch, for any bundler, framework or the CLI: files in
 * memory before they are written, files copied as they are, then the served folders on disk.
 * It remembers what it read, so each hook that runs later reads only what is new: a file on disk
 * that starts with what was read in memory is read beyond it (an appended inline source map),
 * and one not changed since it was read (same size and time) is not read again.
 */
export interface ServedScan {
  /** Keys in files about to be written. */
  pending(files: Iterable<PendingFile>): KeyInFile[]
  /**
   * Keys in the files of `from`, which the build copies as they are into `into` (Vite's
   * `public/`); `shown` names the folder in messages.
   */
  copied(from: string, into: string, shown: string): KeyInFile[]
  /** Keys in the files served from `dirs`, new or changed since read; paths shown from `base`. */
  served(dirs: Iterable<string | ServedDir>, base: string): KeyInFile[]
  /** Forgets what it read: a new build starts. */
  clear(): void
}

/** `path` relative to `base` when it is inside it, else as it is, with `/` separators. */
export function shownPath(path: string, base: string): string {
  const inside = relative(base, path)
  const shown = inside.startsWith('..') || isAbsolute(inside) ? path : inside || '.'
  return shown.split(sep).join('/')
}

/** A new {@link ServedScan}. */
export function createServedScan(): ServedScan {
  /** What was read in memory, by the absolute path it is written to. */
  const inMemory = new Map<string, Uint8Array>()
  /** Size and time of each file on disk when it was read. */
  const onDisk = new Map<string, string>()
  const keyIn = (file: string, bytes: Uint8Array): string | undefined =>
    bytes.length > 0 ? findSecretKey(file, bytes) : undefined
  return {
    pending(files) {
      const found: KeyInFile[] = []
      for (const { path, shown, bytes, map, module } of files) {
        inMemory.set(resolve(path), bytes)
        const key = keyIn(shown, map ? Buffer.concat([bytes, Buffer.from(`\n${map}`)]) : bytes)
        if (!key) continue
        const from = module?.()
        found.push({ file: shown, key, ...(from ? { module: from } : {}) })
      }
      return found
    },
    copied(from, into, shown) {
      return servedFiles(from).flatMap(({ file, path }) => {
        const bytes = readFileSync(path)
        inMemory.set(resolve(into, file), bytes)
        const key = keyIn(file, bytes)
        return key ? [{ file, key, copiedFrom: `${shown}/${file}` }] : []
      })
    },
    served(dirs, base) {
      return [...dirs].flatMap((each) => {
        const { dir, serves } = typeof each === 'string' ? { dir: each, serves: undefined } : each
        return servedFiles(dir).flatMap(({ file, path }) => {
          if (serves && !serves(file)) return []
          const absolute = resolve(path)
          const { size, mtimeMs } = statSync(absolute)
          const version = `${size}:${mtimeMs}`
          if (onDisk.get(absolute) === version) return []
          onDisk.set(absolute, version)
          const bytes = readFileSync(absolute)
          const before = inMemory.get(absolute)
          const rest =
            before && bytes.subarray(0, before.length).equals(before)
              ? bytes.subarray(before.length)
              : bytes
          const shown = shownPath(absolute, base)
          const key = keyIn(shown, rest)
          return key ? [{ file: shown, key }] : []
        })
      })
    },
    clear() {
      inMemory.clear()
      onDisk.clear()
    },
  }
}

/** The folders, shown from `base`, as "already written to …" names them. */
export function shownDirs(dirs: Iterable<string>, base: string): string {
  return [...dirs].map((dir) => shownPath(resolve(base, dir), base)).join(', ')
}
