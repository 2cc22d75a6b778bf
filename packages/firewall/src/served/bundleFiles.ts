import { join } from 'node:path'
import { findSecretKey } from '../scan/findSecretKeys.js'
import type { PendingFile } from './servedScan.js'

// The output format Rollup, Rolldown and Vite share, typed structurally: no bundler's types.

/** A chunk of a Rollup-format bundle. */
export interface BundleChunk {
  type: 'chunk'
  fileName: string
  code: string
  map?: object | null
  /** The code each module rendered into the chunk. */
  modules: Record<string, { code: string | null }>
}

/** An asset of a Rollup-format bundle. */
export interface BundleAsset {
  type: 'asset'
  fileName: string
  source: string | Uint8Array
}

/** A Rollup, Rolldown or Vite bundle as `generateBundle` gets it. */
export type OutputBundle = Record<string, BundleChunk | BundleAsset>

/** The module whose rendered code holds the key, relative to `root`. */
function sourceModule(chunk: BundleChunk, root: string): string | undefined {
  for (const [id, rendered] of Object.entries(chunk.modules)) {
    if (rendered.code && findSecretKey(id, rendered.code)) {
      return id.startsWith(`${root}/`) ? id.slice(root.length + 1) : id
    }
  }
  return undefined
}

/**
 * The files of a bundle about to be written to `dir`: chunks with their source maps, and
 * assets of every kind (HTML pages, styles, images, fonts, anything), as bytes. A chunk names
 * its source module (relative to `root`) when it holds a key.
 */
export function bundleFiles(bundle: OutputBundle, dir: string, root: string): PendingFile[] {
  return Object.values(bundle).map((file) => {
    const bytes = Buffer.from(file.type === 'chunk' ? file.code : file.source)
    return {
      path: join(dir, file.fileName),
      shown: file.fileName,
      bytes,
      ...(file.type === 'chunk' && file.map ? { map: JSON.stringify(file.map) } : {}),
      ...(file.type === 'chunk' ? { module: () => sourceModule(file, root) } : {}),
    }
  })
}
