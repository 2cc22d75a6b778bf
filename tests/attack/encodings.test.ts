import { afterAll, beforeAll, describe } from 'vitest'
import { base64, page, viteAttacks } from './helpers/expect.js'
import { createProject, KEY, type Project } from './helpers/project.js'

// Class 3: escapes and encodings, in chunks and in env vars exposed to client code.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

const BODY = KEY.slice('sk_'.length)
const urlSafe = (text: string) => base64(text).replace(/\+/g, '-').replace(/\//g, '_')
const percentAll = (text: string) =>
  [...text].map((char) => `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`).join('')
const hex = (text: string) => Buffer.from(text).toString('hex')

/** An app whose main.js logs `expression`. */
const logs = (expression: string) => ({
  'index.html': page(),
  'main.js': `console.log(${expression})\n`,
})
const CHUNK = [/assets\/index-[\w-]+\.js/]

describe('escapes', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'unminified-newline-escape',
        files: logs(`"Deploy notes:\\n${KEY}"`),
        config: { build: { minify: false } },
        names: CHUNK,
      },
      {
        name: 'unminified-tab-escape',
        files: logs(`"key:\\t${KEY}"`),
        config: { build: { minify: false } },
        names: CHUNK,
      },
      {
        name: 'json-escaped-newline',
        files: {
          'index.html': page(),
          'main.js': "import notes from './notes.json'\nconsole.log(notes)\n",
          'notes.json': JSON.stringify({ notes: `staging\n${KEY}` }),
        },
        config: { build: { minify: false } },
        names: CHUNK,
      },
      { name: 'unicode-escape', files: logs(`"\\u0073k_${BODY}"`), names: CHUNK },
      { name: 'hex-escape', files: logs(`"\\x73\\x6b_${BODY}"`), names: CHUNK },
      { name: 'braced-unicode-escape', files: logs(`"\\u{73}k_${BODY}"`), names: CHUNK },
      {
        name: 'zero-width-inside',
        files: logs(`"sk_\u200b${BODY}".replace(/\\u200b/g, '')`),
        names: CHUNK,
      },
    ],
  )
})

describe('encodings in code', () => {
  viteAttacks(
    () => project,
    [
      { name: 'base64-atob', files: logs(`atob("${base64(KEY)}")`), names: CHUNK },
      {
        name: 'basic-credentials',
        files: logs(`{ Authorization: "Basic ${base64(`${KEY}:`)}" }`),
        names: CHUNK,
      },
      {
        name: 'base64-second-alignment',
        files: logs(`atob("${base64(`=${KEY}`)}").slice(1)`),
        names: CHUNK,
      },
      {
        name: 'base64-third-alignment',
        files: logs(`atob("${base64(`id=${KEY}`)}").slice(3)`),
        names: CHUNK,
      },
      { name: 'base64-url-safe', files: logs(`"${urlSafe(`?>${KEY}`)}"`), names: CHUNK },
      {
        name: 'percent-encoded',
        files: logs(`decodeURIComponent("${percentAll(KEY)}")`),
        names: CHUNK,
      },
      { name: 'hex-string', files: logs(`"${hex(KEY)}"`), names: CHUNK },
      {
        name: 'char-codes',
        files: logs(`String.fromCharCode(${[...KEY].map((c) => c.charCodeAt(0)).join(', ')})`),
        names: CHUNK,
      },
      {
        name: 'reversed',
        files: logs(`"${[...KEY].reverse().join('')}".split('').reverse().join('')`),
        names: CHUNK,
      },
      {
        name: 'base64-twice',
        files: logs(`atob(atob("${base64(base64(KEY))}"))`),
        names: CHUNK,
      },
    ],
  )
})

describe('encoded keys in env vars exposed to client code', () => {
  const usesEnv = (names: string[]) => ({
    'index.html': page(),
    'main.js': `console.log(${names.map((name) => `import.meta.env.${name}`).join(', ')})\n`,
  })
  viteAttacks(
    () => project,
    [
      {
        name: 'env-basic-credentials',
        files: {
          ...usesEnv(['VITE_SMARTPAY_AUTH']),
          '.env': `VITE_SMARTPAY_AUTH=Basic ${base64(`${KEY}:`)}\n`,
        },
        names: ['VITE_SMARTPAY_AUTH'],
      },
      {
        // Minification folds the two inlined strings into one: the chunk holds the whole key.
        name: 'env-split-in-two',
        files: {
          'index.html': page(),
          'main.js': 'console.log(import.meta.env.VITE_A + import.meta.env.VITE_B)\n',
          '.env': `VITE_A=${KEY.slice(0, 12)}\nVITE_B=${KEY.slice(12)}\n`,
        },
        names: CHUNK,
      },
      {
        name: 'env-every-encoding',
        files: {
          ...usesEnv(['VITE_B64', 'VITE_B64_URL', 'VITE_PERCENT', 'VITE_HEX', 'VITE_B64_SHIFTED']),
          '.env': [
            `VITE_B64=${base64(KEY)}`,
            `VITE_B64_URL=${urlSafe(`?>${KEY}`)}`,
            `VITE_PERCENT=${percentAll(KEY)}`,
            `VITE_HEX=${hex(KEY)}`,
            `VITE_B64_SHIFTED=${base64(`id=${KEY}`)}`,
            '',
          ].join('\n'),
        },
        names: ['VITE_B64:', 'VITE_B64_URL:', 'VITE_PERCENT:', 'VITE_HEX:', 'VITE_B64_SHIFTED:'],
      },
    ],
  )
})
