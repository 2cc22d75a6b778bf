import { describe, expect, it } from 'vitest'
import { isShopperBrowser, type RuntimeGlobals } from './shopperBrowser.js'

// Each row is what the runtime really shows (probed in it: Node 20/22/24, Bun 1.4, Deno 2 and
// a Deno worker, workerd through miniflare at two compatibility dates, edge-runtime 4).
// Chromium's own page and workers are checked in the browser tests.
const CHROME =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36'
class WorkerGlobalScope {}
class WorkletGlobalScope {}
/** Node's, Bun's and Deno's `process`: tagged `[object process]`, as a polyfill is not. */
const node = { process: { [Symbol.toStringTag]: 'process', versions: { node: '20.20.2' } } }
/** What markup makes of a global name (`<div id="Deno">`): an object, never a string. */
const element = () => ({ version: { deno: {} }, tagName: 'DIV' })
const page = { window: {}, document: {}, navigator: { userAgent: CHROME } }

/** A worker's global: an instance of its WorkerGlobalScope, no window, no document. */
function workerGlobal(extra: RuntimeGlobals = {}): RuntimeGlobals {
  return Object.assign(new WorkerGlobalScope(), {
    WorkerGlobalScope,
    navigator: { userAgent: CHROME },
    ...extra,
  })
}

describe('isShopperBrowser', () => {
  it.each([
    ['a page', { window: {}, document: {}, navigator: { userAgent: CHROME } }],
    ['a dedicated, shared or service worker', workerGlobal()],
    ['a worklet', Object.assign(new WorkletGlobalScope(), { WorkletGlobalScope })],
    [
      'a page where process is polyfilled without versions.node',
      {
        window: {},
        document: {},
        process: { versions: {} },
      },
    ],
    [
      'a page with process.versions.node polyfilled',
      { ...page, process: { versions: { node: '20' } } },
    ],
    [
      'a page where markup clobbers Deno, Bun and EdgeRuntime',
      { ...page, Deno: element(), Bun: element(), EdgeRuntime: element() },
    ],
    ['a page where markup clobbers process', { ...page, process: element() }],
    [
      'a page where an embed clobbers WebSocketPair (callable)',
      { ...page, WebSocketPair: () => {} },
    ],
    [
      'a worker with a process polyfill',
      workerGlobal({ process: { env: {}, versions: { node: '18' } } }),
    ],
  ] as [string, RuntimeGlobals][])('is true in %s', (_, globals) => {
    expect(isShopperBrowser(globals)).toBe(true)
  })

  it.each([
    ['Node 20', node],
    ['Node 22 and 24, which have a navigator', { ...node, navigator: { userAgent: 'Node.js/22' } }],
    [
      'Node with happy-dom',
      {
        ...node,
        window: {},
        document: {},
        navigator: { userAgent: `${CHROME} HappyDOM/21.0.4` },
      },
    ],
    [
      'happy-dom without process',
      {
        window: {},
        document: {},
        navigator: { userAgent: `${CHROME} HappyDOM/21.0.4` },
      },
    ],
    [
      'jsdom without process',
      {
        window: {},
        document: {},
        navigator: { userAgent: 'Mozilla/5.0 (linux) AppleWebKit/537.36 jsdom/26.1.0' },
      },
    ],
    ['Node with DOM globals and a browser user agent', { ...node, window: {}, document: {} }],
    ['Bun', { ...node, Bun: { version: '1.4.4' }, navigator: { userAgent: 'Bun/1.4.4' } }],
    ['Bun, by its own global alone', { Bun: { version: '1.4.4' } }],
    [
      'Deno',
      { ...node, Deno: { version: { deno: '2.9.6' } }, navigator: { userAgent: 'Deno/2.9.6' } },
    ],
    ['Deno, by its own global alone', { Deno: { version: { deno: '2.9.6' } } }],
    [
      'a Deno worker',
      workerGlobal({
        ...node,
        Deno: { version: { deno: '2.9.6' } },
        navigator: { userAgent: 'Deno/2.9.6' },
      }),
    ],
    [
      'Cloudflare workerd before it had a navigator',
      { WorkerGlobalScope, WebSocketPair: class {} },
    ],
    [
      'Cloudflare workerd',
      {
        WorkerGlobalScope,
        WebSocketPair: class {},
        navigator: { userAgent: 'Cloudflare-Workers' },
      },
    ],
    [
      'Cloudflare workerd, even were its global a WorkerGlobalScope',
      workerGlobal({
        WebSocketPair: class {},
        navigator: { userAgent: 'Cloudflare-Workers' },
      }),
    ],
    ['Vercel edge runtime', { EdgeRuntime: 'edge-runtime' }],
    [
      'Vercel edge runtime with window and document',
      {
        EdgeRuntime: 'vercel',
        window: {},
        document: {},
      },
    ],
    ['a global with none of these (an unknown server runtime)', {}],
    ['a page global missing its document', { window: {}, navigator: { userAgent: CHROME } }],
  ] as [string, RuntimeGlobals][])('is false in %s', (_, globals) => {
    expect(isShopperBrowser(globals)).toBe(false)
  })

  it('is false in this Node test run', () => {
    expect(isShopperBrowser()).toBe(false)
  })
})
