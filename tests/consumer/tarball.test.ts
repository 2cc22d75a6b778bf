import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, inject, it } from 'vitest'
import { consumerRoot, run } from './helpers.js'

// What the registry would get: the package.json inside each tarball pnpm packs.

const tarballDir = inject('tarballDir')
const tarballs = readdirSync(tarballDir).filter((file) => file.endsWith('.tgz'))
const checkTarball = fileURLToPath(new URL('../../scripts/check-tarball.mjs', import.meta.url))
const repo = fileURLToPath(new URL('../../', import.meta.url))

/** Every key of an `exports` value, depth first. */
const conditions = (value: unknown): string[] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([key, inner]) => [key, ...conditions(inner)])
    : []

describe.each(tarballs)('%s', (tarball) => {
  it('passes scripts/check-tarball.mjs (no source condition, engines, publishConfig, files)', async () => {
    const result = await run(process.execPath, [checkTarball, join(tarballDir, tarball)], {
      cwd: tarballDir,
    })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
  })

  it('keeps every other export condition of the repository, in its order', () => {
    const name = tarball.replace(/^smartpay-kit-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')
    const installed = JSON.parse(
      readFileSync(
        join(consumerRoot(), 'node_modules/@smartpay-kit', name, 'package.json'),
        'utf8',
      ),
    )
    const source = JSON.parse(readFileSync(join(repo, 'packages', name, 'package.json'), 'utf8'))
    expect(conditions(installed.exports)).not.toContain('@smartpay-kit/source')
    expect(conditions(installed.exports)).toEqual(
      conditions(source.exports).filter((key) => key !== '@smartpay-kit/source'),
    )
    expect(installed.engines).toEqual(source.engines)
  })
})
