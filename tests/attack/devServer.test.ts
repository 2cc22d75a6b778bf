import type { AddressInfo } from 'node:net'
import { WebSocket } from 'undici'
import { createServer, type InlineConfig, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { firewall, viteBuild } from './helpers/bundlers.js'
import { base64, page } from './helpers/expect.js'
import { createProject, type Files, KEY, KEY_FINGERPRINT, type Project } from './helpers/project.js'
import { needles } from './helpers/shipsKey.js'

// Class 7: `vite dev` refuses what a build refuses. A real dev server on loopback; the test
// requests the page and the module URLs a browser would, and no response may hold the key.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

/** Starts a dev server with the firewall for a fixture app on 127.0.0.1, any free port. */
async function start(name: string, files: Files, config: InlineConfig = {}) {
  const server = await createServer({
    configFile: false,
    root: project.app(name, files),
    logLevel: 'silent',
    cacheDir: `${project.app(name, {})}/node_modules/.vite`,
    plugins: [await firewall()],
    server: { host: '127.0.0.1', port: 0, strictPort: false, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    ...config,
  })
  await server.listen()
  return server
}

/** GETs `path` from a dev or preview server: status and body. */
async function get(server: { httpServer: unknown }, path: string) {
  const { port } = (server.httpServer as { address(): AddressInfo }).address()
  const response = await fetch(`http://127.0.0.1:${port}${path}`)
  return { status: response.status, body: await response.text() }
}

/** No encoding of the key the suite knows is in `body`. */
function expectNoKey(body: string): void {
  for (const needle of needles(KEY)) expect(body).not.toContain(needle)
}

/** Serves `files`, requests each of `paths`, and expects each refused with a 500. */
async function expectRefusedOver(name: string, files: Files, paths: string[]) {
  const server = await start(name, files)
  try {
    for (const path of paths) {
      const { status, body } = await get(server, path)
      expect(status, path).toBe(500)
      expectNoKey(body)
      expect(body).toContain(KEY_FINGERPRINT)
      expect(body).toContain('The dev server refused to send')
    }
  } finally {
    await server.close()
  }
}

const MAIN = { 'main.js': "document.title = 'Checkout'\n" }

describe('vite dev does not start', () => {
  it('dev-define: with a secret key in `define` (dev sends every define to the page)', async () => {
    const starting = start(
      'dev-define',
      { ...MAIN, 'index.html': page() },
      {
        define: { 'process.env.SMARTPAY_SECRET_KEY': JSON.stringify(KEY) },
      },
    )
    await expect(starting).rejects.toThrow(`process.env.SMARTPAY_SECRET_KEY: ${KEY_FINGERPRINT}`)
    expectNoKey(String(await starting.catch((error: Error) => error.message)))
  })

  it('dev-env: with an exposed env var holding a key as Basic credentials', async () => {
    const starting = start('dev-env', {
      ...MAIN,
      'index.html': page(),
      '.env': `VITE_SMARTPAY_AUTH=Basic ${base64(`${KEY}:`)}\n`,
    })
    await expect(starting).rejects.toThrow(`VITE_SMARTPAY_AUTH: ${KEY_FINGERPRINT}, base64`)
  })
})

describe('vite dev answers 500 instead of sending a key', () => {
  it('dev-module: a module holding the key', async () => {
    await expectRefusedOver(
      'dev-module',
      { 'index.html': page(), 'main.js': `console.log("${KEY}")\n` },
      ['/main.js'],
    )
  })

  it('dev-inline-source-map: a key in a comment, which dev ships in the inline map', async () => {
    await expectRefusedOver(
      'dev-comment',
      { 'index.html': page(), 'main.js': `document.title = 'Checkout'\n// ${KEY}\n` },
      ['/main.js'],
    )
  })

  it('dev-html: the page with an inline script holding the key', async () => {
    await expectRefusedOver(
      'dev-html',
      { ...MAIN, 'index.html': page(`<script>window.key = "${KEY}"</script>`) },
      ['/', '/index.html'],
    )
  })

  it('dev-public: a file of public/', async () => {
    await expectRefusedOver(
      'dev-public',
      { ...MAIN, 'index.html': page(), 'public/config.json': `{ "key": "${KEY}" }` },
      ['/config.json'],
    )
  })

  it('dev-asset: an asset file and its ?raw import, base64-encoded', async () => {
    await expectRefusedOver(
      'dev-asset',
      {
        'index.html': page(),
        'main.js': "import notes from './notes.txt?raw'\nconsole.log(notes)\n",
        'notes.txt': `auth: Basic ${base64(`${KEY}:`)}\n`,
      },
      ['/notes.txt', '/notes.txt?raw&import'],
    )
  })
})

describe('vite dev otherwise', () => {
  it('dev-server-client: refuses a module importing the server client', async () => {
    const server = await start('dev-server-client', {
      'index.html': page(),
      'main.js':
        "import { createServerClient } from '@smartpay-kit/server-client'\nconsole.log(createServerClient)\n",
    })
    try {
      const { status, body } = await get(server, '/main.js')
      expect(status).toBe(500)
      expect(body).toContain('@smartpay-kit/server-client is imported into client code')
    } finally {
      await server.close()
    }
  })

  it('control: serves a clean page and its module as usual', async () => {
    const server = await start('dev-clean', { ...MAIN, 'index.html': page() })
    try {
      const html = await get(server, '/')
      expect(html.status).toBe(200)
      expect(html.body).toContain('<title>Checkout</title>')
      const main = await get(server, '/main.js')
      expect(main.status).toBe(200)
      expect(main.body).toContain("document.title = 'Checkout'")
    } finally {
      await server.close()
    }
  })

  it('dev-hmr-error: an error quoting the key in its code frame never reaches the socket', async () => {
    const server = await start(
      'dev-hmr-error',
      // TypeScript, so that the dev server parses it (plain JS is only scanned for imports).
      { 'index.html': page(), 'main.ts': `const key: string = "${KEY}"\nconst = 1\n` },
      { server: { host: '127.0.0.1', port: 0 } },
    )
    const messages: string[] = []
    try {
      const { port } = server.httpServer!.address() as AddressInfo
      const url = `ws://127.0.0.1:${port}/?token=${server.config.webSocketToken}`
      const socket = new WebSocket(url, 'vite-hmr')
      socket.addEventListener('message', (event) => messages.push(String(event.data)))
      await new Promise((resolve) => socket.addEventListener('open', resolve))
      const { status, body } = await get(server, '/main.ts')
      expect(status).toBe(500)
      expectNoKey(body)
      await vi.waitFor(() => expect(messages.join()).toContain('"type":"error"'), {
        timeout: 30_000,
      })
      socket.close()
    } finally {
      await server.close()
    }
    expect(messages.join()).toContain(KEY_FINGERPRINT)
    expectNoKey(messages.join('\n'))
  })
})

describe('vite preview', () => {
  it('preview-output: answers 500 for an output file holding the key, whoever built it', async () => {
    const root = project.app('preview-output', {
      'index.html': page(),
      'main.js': `console.log("${KEY}")\n`,
    })
    // Built without the firewall, as a build by another tool or config would be.
    expect((await viteBuild(root, {}, { firewall: false })).error).toBeUndefined()
    const server = await preview({
      configFile: false,
      root,
      logLevel: 'silent',
      plugins: [await firewall()],
      preview: { host: '127.0.0.1', port: 0 },
    })
    try {
      const html = await get(server, '/')
      expect(html.status).toBe(200)
      const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html.body)?.[1] ?? 'missing'
      const { status, body } = await get(server, script)
      expect(status).toBe(500)
      expect(body).toContain(`The preview server refused to send ${script}`)
      expect(body).toContain(KEY_FINGERPRINT)
      expectNoKey(body)
    } finally {
      await server.close()
    }
  })
})
