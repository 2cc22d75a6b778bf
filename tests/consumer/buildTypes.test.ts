import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TYPESCRIPT } from './globalSetup.js'
import { project, tsc } from './helpers.js'

// The build configs a user type-checks in CI (projects/build-types: vite.config.ts,
// rollup.config.ts, rolldown.config.ts, an esbuild build script, webpack.config.ts), each using
// a plugin of @smartpay-kit/firewall as its README shows, against the installed bundlers' own
// types: Vite's PluginOption in defineConfig, Rollup's and Rolldown's Plugin and `plugins`,
// esbuild's Plugin in BuildOptions, webpack's Configuration['plugins']; and the framework
// modules (frameworks.config.ts: /next, /astro, /nuxt) as their README rows wire them in. With @types/node, as
// build configs run in Node; strict; skipLibCheck false and true.
//
// Each file also misuses a plugin on a `// @ts-expect-error TSnnnn` line (another bundler's
// plugin, an option the plugin does not take), so a bundler type that resolved to `any` would
// fail the check (TS2578, unused directive); the last test removes the directives and expects
// exactly those errors.

const dir = project('build-types')

const cases = Object.entries(TYPESCRIPT).flatMap(([alias, version]) =>
  (['nodenext', 'bundler', 'nodenext-skiplib', 'bundler-skiplib'] as const).map((mode) => ({
    alias,
    version,
    mode,
  })),
)

/**
 * A copy of the project without its `@ts-expect-error TSnnnn` directives (each replaced by a
 * plain comment, so lines keep their numbers), and the errors tsc must then report.
 */
function withoutDirectives(): { dir: string; expected: string[] } {
  const copy = project('build-types', 'build-types-misuse')
  const expected: string[] = []
  for (const file of readdirSync(copy)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const lines = readFileSync(join(copy, file), 'utf8').split('\n')
    lines.forEach((line, index) => {
      const directive = /^\/\/ @ts-expect-error (TS\d+):/.exec(line)
      if (directive === null) return
      expected.push(`${file}(${index + 2}): error ${directive[1]}`)
      lines[index] = '// (expected error below)'
    })
    writeFileSync(join(copy, file), lines.join('\n'))
  }
  return { dir: copy, expected }
}

describe.concurrent('build configs using the firewall plugins', () => {
  it.each(cases)(
    'type-check against vite, rollup, rolldown, esbuild and webpack under TypeScript $version with $mode',
    async ({ alias, mode }) => {
      expect(await tsc(alias, dir, `tsconfig.${mode}.json`)).toEqual({ code: 0, errors: '' })
    },
  )

  const misuse = withoutDirectives()

  it('marks eight misuses in six files', () => {
    expect(misuse.expected).toHaveLength(8)
  })

  it.each(Object.entries(TYPESCRIPT))(
    'without the @ts-expect-error lines, TypeScript %s (%s) reports exactly the misuses',
    async (alias) => {
      const { code, errors } = await tsc(alias, misuse.dir, 'tsconfig.nodenext.json')
      expect(code).not.toBe(0)
      const found = errors.match(/^[\w.]+\(\d+,\d+\): error TS\d+/gm) ?? []
      expect(found.map((error) => error.replace(/,\d+\)/, ')')).sort()).toEqual(
        [...misuse.expected].sort(),
      )
    },
  )
})
