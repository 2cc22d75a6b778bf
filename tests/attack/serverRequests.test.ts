import { request as httpRequest } from 'node:http'
import type { AddressInfo } from 'node:net'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { createServer, type Plugin, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { firewall, viteBuild } from './helpers/bundlers.js'
import { page } from './helpers/expect.js'
import { createProject, type Files, KEY, KEY_FINGERPRINT, type Project } from './helpers/project.js'
import { needles } from './helpers/shipsKey.js'

// Class 8: the dev and preview servers judge a response on its whole body, whatever the request
// says. Each trick is a real request to a real `vite dev` and `vite preview` on loopback: the
// same request to a server without the firewall gets the key (or its pieces, or its gzip), and
// with the firewall gets a 500 naming the fingerprint.

let project: Project
beforeAll(() => {
  project = createProject()
})
afterAll(() => project?.remove())

/** Past the preview server's compression threshold (1 kB), so Accept-Encoding matters. */
const PADDING = 'checkout '.repeat(150)
const CONFIG = `{ "secretKey": "${KEY}", "notes": "${PADDING}" }`
const FILES: Files = {
  'index.html': page(),
  'main.js': `console.log("${KEY}", "${PADDING}")\n`,
  'public/config.json': CONFIG,
  'public/public.json': `{ "publicKey": "pk_live_FakePublicKeyForTheSuite", "notes": "${PADDING}" }`,
}

/** A middleware of a plugin answering an event stream: `events` as `data:` lines. */
function eventStream(events: string[]): Plugin {
  const answer = (
    _req: unknown,
    res: import('node:http').ServerResponse,
    next: () => void,
    url: string,
  ) => {
    if (url !== '/events') return next()
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
    for (const event of events) res.write(`data: ${event}\n\n`)
    res.end()
  }
  return {
    name: 'event-stream',
    configureServer(server) {
      server.middlewares.use((req, res, next) => answer(req, res, next, req.url ?? ''))
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => answer(req, res, next, req.url ?? ''))
    },
  }
}

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

interface Served {
  port: number
  close(): Promise<void>
  /** The path of the built entry chunk (preview) or the module (dev). */
  script: string
}

/** One raw HTTP request: no header added, nothing decompressed. */
function send(
  server: Served,
  path: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: server.port, path, method, headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end()
  })
}

/** What a client ends up with: the body, decompressed as its Content-Encoding says. */
function decoded({ headers, body }: Answer): string {
  const encoding = headers['content-encoding']
  if (encoding === 'gzip') return gunzipSync(body).toString()
  if (encoding === 'br') return brotliDecompressSync(body).toString()
  return body.toString()
}

/** The 500 the firewall answers instead: names the fingerprint, holds no encoding of the key. */
function expectRefusal(answer: Answer, method = 'GET'): void {
  expect(answer.status).toBe(500)
  if (method === 'HEAD') {
    expect(answer.body.length).toBe(0)
    return
  }
  const text = decoded(answer)
  expect(text).toContain(KEY_FINGERPRINT)
  expect(text).toMatch(/server refused to send/)
  for (const needle of needles(KEY)) expect(text).not.toContain(needle)
}

async function devServer(name: string, withFirewall: boolean, events: string[]): Promise<Served> {
  const root = project.app(name, FILES)
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'silent',
    cacheDir: `${root}/node_modules/.vite`,
    plugins: [...(withFirewall ? [await firewall()] : []), eventStream(events)],
    server: { host: '127.0.0.1', port: 0, ws: false },
    optimizeDeps: { noDiscovery: true, include: [] },
  })
  await server.listen()
  const { port } = server.httpServer!.address() as AddressInfo
  return { port, close: () => server.close(), script: '/main.js' }
}

async function previewServer(name: string, withFirewall: boolean, events: string[]) {
  const root = project.app(name, FILES)
  // Built without the firewall: preview serves whatever is in the output folder.
  expect((await viteBuild(root, {}, { firewall: false })).error).toBeUndefined()
  const server = await preview({
    configFile: false,
    root,
    logLevel: 'silent',
    plugins: [...(withFirewall ? [await firewall()] : []), eventStream(events)],
    preview: { host: '127.0.0.1', port: 0 },
  })
  const { port } = server.httpServer.address() as AddressInfo
  const served: Served = { port, close: () => server.close(), script: '' }
  const html = (await send(served, '/')).body.toString()
  served.script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(html)?.[1] ?? 'no entry chunk'
  return served
}

/** Each request trick: what it sends, and whether a server without the firewall leaks. */
const TRICKS: {
  name: string
  run(server: Served): Promise<Answer[]>
  /** What a client without the firewall assembles from the answers. */
  leaked(answers: Answer[]): string
  method?: string
}[] = [
  {
    name: 'Accept: text/event-stream on a module',
    run: async (server) => [await send(server, server.script, { accept: 'text/event-stream' })],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'Accept: text/event-stream on a public file',
    run: async (server) => [await send(server, '/config.json', { accept: 'text/event-stream' })],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'two Range requests, each for half of the file',
    run: async (server) => [
      await send(server, '/config.json', { range: 'bytes=0-23' }),
      await send(server, '/config.json', { range: 'bytes=24-' }),
    ],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'a suffix Range for the file’s end, after a first part',
    run: async (server) => [
      await send(server, '/config.json', { range: 'bytes=0-29' }),
      await send(server, '/config.json', { range: `bytes=-${CONFIG.length - 30}` }),
    ],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'Range with If-Range',
    run: async (server) => [
      await send(server, '/config.json', { range: 'bytes=0-60', 'if-range': '"any"' }),
    ],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'Accept-Encoding: gzip, br',
    run: async (server) => [
      await send(server, '/config.json', { 'accept-encoding': 'gzip, br' }),
      await send(server, server.script, { 'accept-encoding': 'gzip, br' }),
    ],
    leaked: (answers) => answers.map(decoded).join(''),
  },
  {
    name: 'HEAD',
    method: 'HEAD',
    run: async (server) => [await send(server, '/config.json', {}, 'HEAD')],
    // A HEAD sends no body: without the firewall, it answers 200 as for a clean file.
    leaked: (answers) => (answers[0]?.status === 200 ? KEY : ''),
  },
  {
    name: 'an event stream that sends the key',
    run: async (server) => [await send(server, '/events', { accept: 'text/event-stream' })],
    leaked: (answers) => answers.map(decoded).join(''),
  },
]

describe.each([
  ['vite dev', devServer],
  ['vite preview', previewServer],
] as const)('%s, whatever the request says', (kind, start) => {
  const slug = kind.replace(' ', '-')
  const events = ['{"step":"cart"}', `{"step":"pay","key":"${KEY}"}`]
  let open: Served
  let guarded: Served
  beforeAll(async () => {
    open = await start(`${slug}-open`, false, events)
    guarded = await start(`${slug}-guarded`, true, events)
  })
  afterAll(async () => {
    await open?.close()
    await guarded?.close()
  })

  for (const trick of TRICKS) {
    it(`${trick.name}: leaks without the firewall, refused with it`, async () => {
      expect(trick.leaked(await trick.run(open))).toContain(KEY)
      const answers = await trick.run(guarded)
      if (trick.name.startsWith('an event stream')) {
        // Its headers went out with the first, clean event: it ends before the key, with the
        // reason as a comment.
        const text = decoded(answers[0] as Answer)
        expect(text).toMatch(
          /^data: \{"step":"cart"\}\n\n\n: \[smartpay-firewall\] The (dev|preview) server refused/,
        )
        expect(text).toContain(KEY_FINGERPRINT)
        for (const needle of needles(KEY)) expect(text).not.toContain(needle)
        return
      }
      for (const answer of answers) expectRefusal(answer, trick.method)
    })
  }

  it('control: a clean file still answers ranges, If-Range and HEAD as the server would', async () => {
    const whole = await send(guarded, '/public.json')
    expect(whole.status).toBe(200)
    const part = await send(guarded, '/public.json', { range: 'bytes=2-12' })
    expect(part.status).toBe(206)
    expect(part.headers['content-range']).toBe(`bytes 2-12/${whole.body.length}`)
    expect(part.body.toString()).toBe(whole.body.subarray(2, 13).toString())
    const etag = String(whole.headers.etag)
    const current = await send(guarded, '/public.json', { range: 'bytes=2-12', 'if-range': etag })
    expect(current.status).toBe(206)
    const stale = await send(guarded, '/public.json', { range: 'bytes=2-12', 'if-range': '"old"' })
    expect(stale.status).toBe(200)
    expect(stale.body.length).toBe(whole.body.length)
    const head = await send(guarded, '/public.json', {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.length).toBe(0)
  })

  it('control: a clean event stream is passed on', async () => {
    const server = await start(`${slug}-clean-events`, true, ['{"step":"cart"}', '{"step":"paid"}'])
    try {
      const answer = await send(server, '/events', { accept: 'text/event-stream' })
      expect(answer.status).toBe(200)
      expect(decoded(answer)).toBe('data: {"step":"cart"}\n\ndata: {"step":"paid"}\n\n')
    } finally {
      await server.close()
    }
  })
})
