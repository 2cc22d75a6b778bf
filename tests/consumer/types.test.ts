import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TYPESCRIPT } from './globalSetup.js'
import { project, tsc } from './helpers.js'

// A TypeScript user's file (projects/types/usage.ts) type-checked against the tarballs' .d.ts
// files by each TypeScript version and module setting: strict, skipLibCheck false (only
// TypeScript's own lib files are skipped), and no @types/node, since the server client also
// runs where there is none (Workers, Deno). The `-skiplib` settings are what most projects set
// (skipLibCheck true): TS2589 on CheckoutSession showed there on every TypeScript version,
// while skipLibCheck false caught it on TypeScript 7 only. Each check is a tsc process; two run
// at a time.

const esm = project('types')
const cjs = project('types-cjs')
copyFileSync(join(esm, 'usage.ts'), join(cjs, 'usage.ts'))

const cases = Object.entries(TYPESCRIPT).flatMap(([alias, version]) =>
  (['node16', 'nodenext', 'bundler', 'nodenext-skiplib', 'bundler-skiplib'] as const).map(
    (mode) => ({ alias, version, mode }),
  ),
)

describe.concurrent('TypeScript consumers', () => {
  it.each(cases)(
    'an ESM project type-checks under TypeScript $version with $mode',
    async ({ alias, mode }) => {
      expect(await tsc(alias, esm, `tsconfig.${mode}.json`)).toEqual({ code: 0, errors: '' })
    },
  )

  it.each(Object.entries(TYPESCRIPT))(
    'a CommonJS project type-checks under TypeScript %s (%s) with nodenext (require of ESM)',
    async (alias) => {
      expect(await tsc(alias, cjs, 'tsconfig.nodenext.json')).toEqual({ code: 0, errors: '' })
    },
  )

  it.each(Object.entries(TYPESCRIPT))(
    'a CommonJS project under TypeScript %s (%s) with node16 gets TS1479, as the README says',
    async (alias) => {
      const { code, errors } = await tsc(alias, cjs, 'tsconfig.node16.json')
      expect(code).not.toBe(0)
      expect([...new Set(errors.match(/error TS\d+/g))]).toEqual(['error TS1479'])
    },
  )
})
