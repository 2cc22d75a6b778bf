import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const src = join(dirname(fileURLToPath(import.meta.url)), '../src')

/** Every source file `entry` reaches through relative imports (type-only ones included). */
function reachable(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen
  seen.add(entry)
  const text = readFileSync(join(src, entry), 'utf8')
  for (const [, spec] of text.matchAll(/from '(\.[^']+)'/g)) {
    const file = join(dirname(entry), (spec as string).replace(/\.js$/, '.ts'))
    reachable(file, seen)
  }
  return seen
}

describe('@smartpay-kit/sandbox/fetch', () => {
  it('reaches no node:* module, Buffer or process, so it runs in any Fetch runtime', () => {
    const files = [...reachable('fetch.ts')]
    expect(files).toContain('engine/engine.ts')
    expect(files).not.toContain('hosts/node/server.ts')
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8')
      expect({
        file,
        node: text.match(/from 'node:[^']+'|\bBuffer\.|(?<![\w-])process\.\w/g),
      }).toEqual({
        file,
        node: null,
      })
    }
  })
})

/** Every source file under src, relative to it: tests and test helpers left out. */
const sources = (): string[] =>
  readdirSync(src, { recursive: true, encoding: 'utf8' }).filter(
    (file) => file.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(file) && !file.includes('testing/'),
  )

/** The Node built-in modules a file imports or re-exports, with or without `node:`. */
const nodeModules = (text: string): string[] =>
  [...text.matchAll(/(?:from|import)\s*\(?\s*'([^'.][^']*)'/g)]
    .map(([, spec]) => spec as string)
    .filter((spec) => spec.startsWith('node:') || builtinModules.includes(spec.split('/')[0] ?? ''))

describe('packages/sandbox/src', () => {
  it('imports Node built-ins in the Node host (hosts/node/) only', () => {
    const files = sources()
    const found = new Map(
      files.map((file) => [file, nodeModules(readFileSync(join(src, file), 'utf8'))]),
    )
    // The check sees them where they are: the HTTPS server and the CLI.
    expect(found.get('hosts/node/server.ts')).toContain('node:https')
    expect(found.get('hosts/node/runCli.ts')).toContain('node:fs/promises')
    const outside = files.filter((file) => !file.startsWith('hosts/node/'))
    expect(outside).toEqual(
      expect.arrayContaining(['engine/engine.ts', 'hosts/inProcess.ts', 'cli.ts']),
    )
    for (const file of outside) expect({ file, node: found.get(file) }).toEqual({ file, node: [] })
  })
})
