#!/usr/bin/env node
// `smartpay-firewall scan <dir…>`: the firewall's output scan for any build tool, run after the
// build (`npx -p @smartpay-kit/firewall smartpay-firewall scan dist`, or `scan .` in a
// framework's project). Exit 0: no key; 1: a key (the report names each file, fingerprints
// only); 2: bad usage, a missing folder, or a project with nothing built to scan.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { detectFramework, FRAMEWORKS, isServed, type ServedFolder } from './frameworks.js'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { servedFiles } from './served/servedFiles.js'
import { createServedScan } from './served/servedScan.js'

const USAGE = `Usage: ${PLUGIN_NAME} scan <dir…>
Scans every file a browser can fetch for a Smartpay secret key, as is or encoded (escapes,
base64, data URLs, source maps, compressed files…), following symbolic links as hosts do.
A <dir> is a build's output folder (all of it is scanned), or a project's root: then the folders
its framework serves after a build (Next.js, Nuxt, SvelteKit, Astro, React Router, Vite; from
its package.json) are scanned, and the report names them.
Exit 0 when none is found, 1 when one is (the report shows fingerprints only), 2 on bad usage.`

/** One folder to scan, with the files of it that are served. */
interface Target {
  dir: string
  served?: (file: string) => boolean
}

/**
 * The folders `dir` serves: those of its framework when it is a project's root (a package.json
 * naming a framework the firewall knows; any known framework's folders when it names none),
 * else `dir` itself, all of it. Undefined for a project with none of them built.
 */
function targets(dir: string): { targets: Target[]; scanned?: string } | undefined {
  if (!existsSync(join(dir, 'package.json'))) return { targets: [{ dir }] }
  const framework = detectFramework(dir)
  const folders: ServedFolder[] = framework
    ? [...framework.served]
    : FRAMEWORKS.flatMap((each) => each.served).filter(
        (folder, i, all) => all.findIndex((other) => other.path === folder.path) === i,
      )
  const built = folders.filter((folder) => existsSync(join(dir, folder.path)))
  if (built.length === 0) return undefined
  const names = built.map((folder) => `${join(dir, folder.path)} (${folder.what})`)
  return {
    targets: built.map((folder) => ({
      dir: join(dir, folder.path),
      served: (file: string) => isServed(folder, file),
    })),
    scanned: `${framework ? `${framework.name} project` : 'A project of no framework the firewall knows'}: scanning ${names.join(', ')}`,
  }
}

function main(args: readonly string[]): number {
  const [command, ...dirs] = args
  if (command === '--help' || command === '-h') {
    console.log(USAGE)
    return 0
  }
  if (command !== 'scan' || dirs.length === 0) {
    console.error(USAGE)
    return 2
  }
  const missing = dirs.filter((dir) => !existsSync(dir) || !statSync(dir).isDirectory())
  if (missing.length > 0) {
    console.error(`[${PLUGIN_NAME}] Not a folder: ${missing.join(', ')}. Build first, then scan.`)
    return 2
  }
  const found = dirs.map((dir) => ({ dir, found: targets(dir) }))
  const unbuilt = found.filter(({ found }) => !found).map(({ dir }) => dir)
  if (unbuilt.length > 0) {
    console.error(
      `[${PLUGIN_NAME}] Nothing built to scan in ${unbuilt.join(', ')}: none of the folders its framework serves is there. Build first, or name the output folder.`,
    )
    return 2
  }
  const all = found.flatMap(({ found }) => found?.targets ?? [])
  for (const { found: each } of found) {
    if (each?.scanned) console.log(`[${PLUGIN_NAME}] ${each.scanned}`)
  }
  const scan = createServedScan()
  let count = 0
  const keys = all.flatMap(({ dir, served }) => {
    const files = servedFiles(dir, served)
    count += files.length
    const shown = dir.replace(/[\\/]+$/, '')
    return scan.pending(
      files.map(({ file, path }) => ({
        path,
        shown: `${shown}/${file}`,
        bytes: readFileSync(path),
      })),
    )
  })
  const folders = all.map(({ dir }) => dir).join(', ')
  if (keys.length > 0) {
    console.error(keyInBundleMessage(keys, folders))
    return 1
  }
  console.log(`[${PLUGIN_NAME}] No Smartpay secret key in ${count} files under ${folders}.`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
