import { findSecretKey, type KeyInFile } from './findings.js'

/**
 * Keys in output files, each read as bytes whatever its kind, with the firewall's scanner
 * (escapes, base64, data URLs, inline source maps, compressed files…). Fingerprints only.
 */
export function keysInFiles(
  files: Iterable<readonly [file: string, content: string | Uint8Array]>,
) {
  const found: KeyInFile[] = []
  for (const [file, content] of files) {
    const key = findSecretKey(file, content)
    if (key) found.push({ file, key })
  }
  return found
}

/** `path` relative to `base` when it is inside it, with `/` separators. */
export function shownPath(path: string, base: string): string {
  const slashed = path.replaceAll('\\', '/')
  const root = `${base.replaceAll('\\', '/').replace(/\/$/, '')}/`
  return slashed.startsWith(root) ? slashed.slice(root.length) : slashed
}
