import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { project, tsc } from './helpers.js'
import { placeErrors, readmes, type Snippet, snippetsOf } from './snippets.js'

// Every ```ts block of the READMEs (the root's, each package's, each example's: a new one is
// picked up by itself), type-checked against the packed tarballs as a user's app would check
// it: each block a module of its own (tsx blocks with React's JSX), strict, with Next.js's
// module settings and Node's and Vite's ambient types. Names that stand for the reader's own code (`order`, `log`, `app`) are
// declared in projects/readme/context.d.ts; anything else a block uses, it imports.
// A failure names the README line: `packages/server-client/README.md:52:7: error TS2345: …`.

const repo = fileURLToPath(new URL('../../', import.meta.url))
const snippets = readmes(repo).flatMap((file) =>
  snippetsOf(readFileSync(join(repo, file), 'utf8'), file),
)

/** Type-checks snippets in a copy of projects/readme; their errors, each at its README line. */
async function check(list: readonly Snippet[], as: string): Promise<string[]> {
  const dir = project('readme', as)
  mkdirSync(join(dir, 'snippets'))
  list.forEach((snippet, index) => {
    writeFileSync(join(dir, 'snippets', `${index}.${snippet.lang}`), snippet.code)
  })
  return placeErrors((await tsc('ts60', dir, 'tsconfig.json')).errors, list)
}

describe('README snippets', () => {
  it('are read from every README with TypeScript in it', () => {
    const files = new Set(snippets.map((snippet) => snippet.file))
    for (const file of ['README.md', 'packages/server-client/README.md']) {
      expect(files).toContain(file)
    }
    expect(snippets.length).toBeGreaterThan(25)
  })

  it('type-check against the packed packages', async () => {
    expect(await check(snippets, 'readme')).toEqual([])
  })

  it('fail the check when one is wrong, at its README line', async () => {
    const wrong = snippetsOf(
      [
        '# An app',
        '',
        '```ts',
        "import { createServerClient } from '@smartpay-kit/server-client'",
        '',
        'await createServerClient().orders.retrieve(42)',
        '```',
      ].join('\n'),
      'WRONG.md',
    )
    const errors = await check(wrong, 'readme-wrong')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^WRONG\.md:6:\d+: error TS2345: Argument of type 'number'/)
  })
})

describe('snippetsOf', () => {
  it('takes ts, typescript and tsx blocks, unindented, with their first line', () => {
    const markdown = [
      '```ts',
      'const a = 1',
      '```',
      '```sh',
      'npm test',
      '```',
      '- In a list:',
      '',
      '  ```typescript',
      '  const b = 2',
      '    .toString()',
      '  ```',
      '```js',
      'const c = 3',
      '```',
      '```tsx',
      'const d = <p />',
      '```',
    ].join('\n')
    expect(snippetsOf(markdown, 'X.md')).toEqual([
      { file: 'X.md', line: 2, lang: 'ts', code: 'const a = 1' },
      { file: 'X.md', line: 10, lang: 'ts', code: 'const b = 2\n  .toString()' },
      { file: 'X.md', line: 17, lang: 'tsx', code: 'const d = <p />' },
    ])
  })
})
