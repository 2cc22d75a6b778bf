import { readFileSync } from 'node:fs'
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
