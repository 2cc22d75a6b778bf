import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'
import { afterAll, beforeAll, describe } from 'vitest'
import { base64, page, viteAttacks } from './helpers/expect.js'
import { pngWithText } from './helpers/png.js'
import { createProject, KEY, type Project } from './helpers/project.js'

// Class 1: output the plugin never read. The HTML page (emitted late), files copied from
// public/, assets of every kind, data: URLs, files other plugins write.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

const MAIN = { 'main.js': "document.title = 'Checkout'\n" }

/** A plugin that writes `file` into the output folder from `hook`, as copy/compress plugins do. */
function writesFile(hook: 'writeBundle' | 'closeBundle', file: string, content: Buffer): Plugin {
  let outDir = ''
  return {
    name: 'writes-a-file',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir
    },
    [hook]: () => writeFileSync(join(outDir, file), content),
  }
}

describe('the HTML page', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'html-inline-script',
        files: { ...MAIN, 'index.html': page(`<script>window.smartpay = "${KEY}"</script>`) },
        names: ['index.html'],
      },
      {
        name: 'html-inline-module-script',
        files: {
          ...MAIN,
          'index.html': page(`<script type="module">console.log("${KEY}")</script>`),
        },
        names: [/assets\/index-[\w-]+\.js|index\.html/],
      },
      {
        name: 'html-inline-style',
        files: { ...MAIN, 'index.html': page(`<style>body::after { content: "${KEY}" }</style>`) },
        names: [/index\.html|\.css/],
      },
      {
        name: 'html-attribute',
        files: { ...MAIN, 'index.html': page(`<meta name="smartpay-key" content="${KEY}">`) },
        names: ['index.html'],
      },
      {
        name: 'html-comment',
        files: { ...MAIN, 'index.html': page(`<!-- staging key: ${KEY} -->`) },
        names: ['index.html'],
      },
      {
        name: 'html-env-replacement',
        files: {
          ...MAIN,
          '.env': `VITE_SMARTPAY_KEY=${KEY}\n`,
          'index.html': page('<meta name="smartpay-key" content="%VITE_SMARTPAY_KEY%">'),
        },
        names: ['VITE_SMARTPAY_KEY'],
      },
    ],
  )
})

describe('files copied from public/', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'public-text',
        files: { ...MAIN, 'index.html': page(), 'public/config.json': `{ "key": "${KEY}" }` },
        names: ['public/config.json', /remove it there/],
      },
      {
        name: 'public-png-text-chunk',
        files: { ...MAIN, 'index.html': page(), 'public/logo.png': pngWithText(KEY) },
        names: ['public/logo.png'],
      },
      {
        name: 'public-png-compressed-text-chunk',
        files: { ...MAIN, 'index.html': page(), 'public/logo.png': pngWithText(KEY, true) },
        names: ['public/logo.png'],
      },
      {
        name: 'public-gzip',
        files: {
          ...MAIN,
          'index.html': page(),
          'public/data.json.gz': gzipSync(`{ "key": "${KEY}" }`),
        },
        names: ['public/data.json.gz'],
      },
      {
        name: 'public-dotfile-in-folder',
        files: { ...MAIN, 'index.html': page(), 'public/.well-known/smartpay': KEY },
        names: ['public/.well-known/smartpay'],
      },
    ],
  )
})

describe('assets', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'asset-svg-data-url',
        files: {
          'index.html': page(),
          'main.js': "import badge from './badge.svg'\ndocument.body.append(badge)\n",
          'badge.svg': `<svg xmlns="http://www.w3.org/2000/svg"><title>${KEY}</title></svg>`,
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
      {
        name: 'asset-png-data-url',
        files: {
          'index.html': page(),
          'main.js': "import logo from './logo.png'\ndocument.body.append(logo)\n",
          'logo.png': pngWithText(KEY),
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
      {
        name: 'asset-css-url-data-url',
        files: {
          'index.html': page(),
          'main.js': "import './style.css'\n",
          'style.css': 'body { background: url(./bg.png) }\n',
          'bg.png': pngWithText(KEY),
        },
        names: [/assets\/index-[\w-]+\.css/],
      },
      {
        name: 'asset-unknown-extension',
        files: {
          'index.html': page(),
          'main.js': "import url from './payload.bin?url'\nfetch(url)\n",
          'payload.bin': Buffer.concat([
            Buffer.from([0, 1, 2, 255]),
            Buffer.from(KEY),
            Buffer.alloc(8),
          ]),
        },
        config: { build: { assetsInlineLimit: 0 } },
        names: [/assets\/payload-[\w-]+\.bin/],
      },
      {
        name: 'asset-css-escape',
        files: {
          'index.html': page(),
          'main.js': "import './style.css'\n",
          'style.css': `body::after { content: "\\73 ${KEY.slice(1)}" }\n`,
        },
        names: [/assets\/index-[\w-]+\.css/],
      },
      {
        name: 'asset-raw-import',
        files: {
          'index.html': page(),
          'main.js': "import notes from './notes.md?raw'\nconsole.log(notes)\n",
          'notes.md': `# Deploy notes\n\nStaging key: ${KEY}\n`,
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
      {
        name: 'asset-json-import',
        files: {
          'index.html': page(),
          'main.js': "import config from './config.json'\nconsole.log(config.key)\n",
          'config.json': `{ "key": "${KEY}" }`,
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
    ],
  )
})

describe('web workers and files other plugins write', () => {
  viteAttacks(
    () => project,
    [
      {
        name: 'worker-chunk',
        files: {
          'index.html': page(),
          'main.js': "new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })\n",
          'worker.js': `postMessage("${KEY}")\n`,
        },
        names: [/assets\/worker-[\w-]+\.js/],
      },
      {
        name: 'worker-inline',
        files: {
          'index.html': page(),
          'main.js': "import Work from './worker.js?worker&inline'\nnew Work()\n",
          'worker.js': `postMessage("${KEY}")\n`,
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
      {
        name: 'plugin-writes-in-writeBundle',
        files: { ...MAIN, 'index.html': page() },
        config: { plugins: [writesFile('writeBundle', 'extra.txt', Buffer.from(KEY))] },
        names: ['dist/extra.txt', /do not deploy/],
      },
      {
        name: 'plugin-compresses-in-closeBundle',
        files: { ...MAIN, 'index.html': page() },
        config: {
          plugins: [writesFile('closeBundle', 'config.js.gz', gzipSync(`export default "${KEY}"`))],
        },
        names: ['dist/config.js.gz'],
      },
      {
        name: 'data-url-in-code',
        files: {
          'index.html': page(),
          'main.js': `fetch("data:text/plain;base64,${base64(`key=${KEY}`)}")\n`,
        },
        names: [/assets\/index-[\w-]+\.js/],
      },
    ],
  )
})
