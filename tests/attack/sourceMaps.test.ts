import { afterAll, beforeAll, describe } from 'vitest'
import { page, viteAttacks } from './helpers/expect.js'
import { createProject, KEY, type Project } from './helpers/project.js'

// Class 2: source maps. Minification drops a comment or dead code holding the key, but the
// map's `sourcesContent` ships the original source: inline (a base64 data URL) or beside.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

/** A key in a comment, after another line: in the map it follows an escaped `\n`. */
const COMMENTED = {
  'index.html': page(),
  'main.js': `document.title = 'Checkout'\n// staging key, remove before launch: ${KEY}\n`,
}
/** A key in a variable the minifier removes as unused. */
const DEAD_CODE = {
  'index.html': page(),
  'main.js': `const staging = "${KEY}"\ndocument.title = 'Checkout'\n`,
}

describe('source maps', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'sourcemap-inline',
        files: COMMENTED,
        config: { build: { sourcemap: 'inline' } },
        names: [/assets\/index-[\w-]+\.js/],
      },
      {
        name: 'sourcemap-file-after-escaped-newline',
        files: COMMENTED,
        config: { build: { sourcemap: true } },
        names: [/assets\/index-[\w-]+\.js\.map/],
      },
      {
        name: 'sourcemap-hidden',
        files: COMMENTED,
        config: { build: { sourcemap: 'hidden' } },
        names: [/assets\/index-[\w-]+\.js\.map/],
      },
      {
        name: 'sourcemap-dead-code',
        files: DEAD_CODE,
        config: { build: { sourcemap: true } },
        names: [/assets\/index-[\w-]+\.js\.map/],
      },
    ],
  )
})
