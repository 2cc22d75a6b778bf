#!/usr/bin/env node
// Checks the package.json inside a packed tarball: what the registry would get.
// Usage: node scripts/check-tarball.mjs path/to/package.tgz
import { execFileSync } from 'node:child_process'

const tarball = process.argv[2]
if (!tarball) throw new Error('usage: node scripts/check-tarball.mjs <package.tgz>')
const manifest = JSON.parse(
  execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
)
const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n')

const problems = []
const exportsText = JSON.stringify(manifest.exports ?? {})
if (exportsText.includes('@smartpay-kit/source')) {
  problems.push('`exports` still has the @smartpay-kit/source condition (see .pnpmfile.cjs)')
}
if (/"\.\/src\//.test(exportsText))
  problems.push('`exports` points into src/, which is not shipped')
if (JSON.stringify(manifest).includes('workspace:')) problems.push('a `workspace:` range is left')
if (!/^>=\s*22/.test(manifest.engines?.node ?? '')) problems.push('`engines.node` is not >= 22')
if (manifest.publishConfig?.access !== 'public')
  problems.push('`publishConfig.access` is not public')
if (manifest.publishConfig?.provenance !== true) problems.push('`publishConfig.provenance` is off')
for (const field of ['homepage', 'bugs', 'repository', 'license']) {
  if (!manifest[field]) problems.push(`\`${field}\` is missing`)
}
for (const file of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json']) {
  if (!files.includes(`package/${file}`)) problems.push(`${file} is not in the tarball`)
}

if (problems.length > 0) {
  console.error(`${manifest.name}: ${problems.join('; ')}`)
  process.exit(1)
}
console.log(`${manifest.name}@${manifest.version}: package.json and files fit for publishing`)
