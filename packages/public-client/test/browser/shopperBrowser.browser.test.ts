import { createTransport } from '@smartpay-kit/core'
import { isShopperBrowser } from '@smartpay-kit/core/internal'
import { afterEach, describe, expect, it } from 'vitest'
// Not a dependency of public-client: the server client from source, as a page would bundle it.
import { createServerClient } from '../../../server-client/src/index.js'

// Real Chromium: markup and polyfills that define the globals a server runtime has. The check
// before this change (kept below as the control) took each for a server, so a secret-key
// transport started in the page; now each page is still a shopper's browser, and the secret-key
// paths refuse to start.

const SECRET = 'sk_live_Ho1BrYTcg3gAX4vTKk1taz'

type Globals = Record<string, unknown>

/** The shopper-browser check as it was: any Deno, Bun or EdgeRuntime global meant a server. */
function previousCheck(g: Globals): boolean {
  const process = g.process as { versions?: { node?: unknown } } | undefined
  const navigator = g.navigator as { userAgent?: string } | undefined
  if (g.Deno !== undefined || g.Bun !== undefined || g.EdgeRuntime !== undefined) return false
  if (typeof process?.versions?.node === 'string') return false
  if (typeof g.WebSocketPair === 'function') return false
  if (/Cloudflare-Workers|HappyDOM|jsdom/.test(String(navigator?.userAgent))) return false
  return g.window !== undefined && g.document !== undefined
}

function outcome(start: () => unknown): string {
  try {
    start()
    return 'started'
  } catch (error) {
    return `${(error as Error).name} ${(error as { rule?: string }).rule ?? ''}`.trim()
  }
}

const added: Node[] = []
const defined: string[] = []
afterEach(() => {
  for (const node of added.splice(0)) node.parentNode?.removeChild(node)
  for (const name of defined.splice(0)) delete (globalThis as Globals)[name]
})

/** Adds `html` to the page and waits for any frame in it to load. */
async function markup(html: string): Promise<void> {
  const holder = document.createElement('div')
  holder.innerHTML = html
  const nodes = [...holder.childNodes]
  document.body.append(...nodes)
  added.push(...nodes)
  await Promise.all(
    [...document.querySelectorAll('iframe')].map(
      (frame) =>
        frame.contentDocument?.readyState === 'complete' ||
        new Promise((resolve) => frame.addEventListener('load', resolve, { once: true })),
    ),
  )
}

function polyfill(name: string, value: unknown): void {
  Object.assign(globalThis, { [name]: value })
  defined.push(name)
}

const TRICKS: [name: string, apply: () => Promise<void> | void][] = [
  ['<div id="Deno">', () => markup('<div id="Deno"></div>')],
  ['<a id="EdgeRuntime">', () => markup('<a id="EdgeRuntime" href="/edge"></a>')],
  ['<img name="Bun">', () => markup('<img name="Bun" alt="">')],
  [
    '<form name="Bun"> with an <input name="version">',
    () => markup('<form name="Bun"><input name="version" value="1.4.4"></form>'),
  ],
  [
    'two <a id="Deno">, one named version (a collection)',
    () => markup('<a id="Deno"></a><a id="Deno" name="version"></a>'),
  ],
  ['<embed name="EdgeRuntime">', () => markup('<embed name="EdgeRuntime" type="text/plain">')],
  ['<object name="Bun">', () => markup('<object name="Bun" type="text/plain"></object>')],
  [
    '<iframe name="Deno"> whose page has a form named version',
    () =>
      markup(
        '<iframe name="Deno" srcdoc="<form id=version><input name=deno value=2></form>"></iframe>',
      ),
  ],
  [
    '<iframe name="EdgeRuntime">',
    () => markup('<iframe name="EdgeRuntime" srcdoc="edge"></iframe>'),
  ],
  [
    'a process polyfill with versions.node',
    () => polyfill('process', { env: {}, versions: { node: '20.0.0' } }),
  ],
  [
    'the `process` package’s browser shim, versions.node set',
    () =>
      polyfill('process', {
        title: 'browser',
        browser: true,
        env: {},
        argv: [],
        version: 'v20.0.0',
        versions: { node: '20.0.0' },
        nextTick() {},
      }),
  ],
  [
    'a process polyfill and a Deno-named element together',
    async () => {
      polyfill('process', { versions: { node: '22.0.0' } })
      await markup('<div id="Deno"></div>')
    },
  ],
]

describe('isShopperBrowser in a Chromium page, whatever its markup and polyfills define', () => {
  it.each(TRICKS)('%s: taken for a server before, a shopper’s browser now', async (_, apply) => {
    await apply()
    expect(previousCheck(globalThis as unknown as Globals), 'the trick is in place').toBe(false)
    expect(isShopperBrowser()).toBe(true)
    expect(outcome(() => createTransport(SECRET, 'basic'))).toBe(
      'InvalidKeyError secret-key-in-client-code',
    )
    expect(outcome(() => createServerClient({ secretKey: SECRET }))).toBe('BrowserEnvironmentError')
  })

  it('a dedicated worker whose bundle polyfills process', async () => {
    const worker = new Worker(new URL('./workers/polyfilled.worker.ts', import.meta.url), {
      type: 'module',
    })
    try {
      const answer = new Promise((resolve) => {
        worker.onmessage = (event) => resolve(event.data)
      })
      worker.postMessage('probe')
      expect(await answer).toEqual({
        shopperBrowser: true,
        transport: 'InvalidKeyError secret-key-in-client-code',
      })
    } finally {
      worker.terminate()
    }
  })

  it('control: a page without any of these is a shopper’s browser, for both checks', () => {
    expect(previousCheck(globalThis as unknown as Globals)).toBe(true)
    expect(isShopperBrowser()).toBe(true)
  })
})
