import { isAbsolute, relative, resolve } from 'node:path'

/** Options of the Rollup, esbuild and webpack plugins. */
export interface SmartpayFirewallOptions {
  /**
   * The folder a host serves, when it is not the bundler's output folder: every file under it is
   * scanned after every other plugin ran (what copy, archive and compress plugins wrote there).
   * Relative to the working directory (webpack: its `context`). Several folders: an array.
   * @default the bundler's output folder
   * @example smartpayFirewall({ servedDir: 'dist' }) // Rollup writes to dist/js, a copy plugin into dist
   */
  servedDir?: string | readonly string[] | undefined
}

/**
 * The folders to scan on disk, absolute: those `options` names, and the bundler's output
 * folders unless one of those holds them.
 */
export function servedRoots(
  options: SmartpayFirewallOptions,
  base: string,
  outputs: Iterable<string>,
): string[] {
  const named = ([] as string[]).concat(options.servedDir ?? []).map((dir) => resolve(base, dir))
  const inside = (dir: string) =>
    named.some((root) => {
      const path = relative(root, dir)
      return !path.startsWith('..') && !isAbsolute(path)
    })
  const extra = [...new Set([...outputs].map((dir) => resolve(base, dir)))].filter(
    (dir) => !inside(dir),
  )
  return [...named, ...extra]
}
