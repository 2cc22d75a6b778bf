#!/usr/bin/env node
// `smartpay-firewall scan <dir…>`: the firewall's output scan for any build tool, run after the
// build (`npx -p @smartpay-kit/firewall smartpay-firewall scan dist`). Exit 0: no key;
// 1: a key (the report names each file, fingerprints only); 2: bad usage or a missing folder.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { keyInBundleMessage, PLUGIN_NAME } from './served/messages.js'
import { servedFiles } from './served/servedFiles.js'
import { createServedScan } from './served/servedScan.js'

const USAGE = `Usage: ${PLUGIN_NAME} scan <dir…>
Scans every file under each folder (a client build's output) for a Smartpay secret key, as is or
encoded (escapes, base64, data URLs, source maps, compressed files…).
Exit 0 when none is found, 1 when one is (the report shows fingerprints only), 2 on bad usage.`

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
  let count = 0
  const scan = createServedScan()
  const found = dirs.flatMap((dir) => {
    const files = servedFiles(dir)
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
  if (found.length > 0) {
    console.error(keyInBundleMessage(found, dirs.join(', ')))
    return 1
  }
  console.log(`[${PLUGIN_NAME}] No Smartpay secret key in ${count} files under ${dirs.join(', ')}.`)
  return 0
}

process.exitCode = main(process.argv.slice(2))
