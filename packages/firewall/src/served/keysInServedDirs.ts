import { keyInBundleMessage } from './messages.js'
import { createServedScan, type ServedDir, shownDirs } from './servedScan.js'

/**
 * The message for keys in the files under `dirs` (shown from `root`), or undefined when none
 * holds one: the one check a framework's last hook runs on what it wrote.
 */
export function keysInServedDirs(dirs: readonly ServedDir[], root: string): string | undefined {
  const found = createServedScan().served(dirs, root)
  if (found.length === 0) return undefined
  return keyInBundleMessage(found, shownDirs(new Set(dirs.map(({ dir }) => dir)), root))
}
