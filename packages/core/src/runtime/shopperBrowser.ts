// The one place that tells a shopper's browser from a server runtime. Each claim below was
// checked in the runtime itself (see shopperBrowser.test.ts and the Chromium tests):
// - Node (20, 22, 24), Bun and Deno all have a `process` tagged `[object process]`; Bun and Deno
//   also have their own global (`Bun.version`, `Deno.version.deno`), in their workers too.
//   Deno's global is even tagged `[object Window]`.
// - happy-dom and jsdom add `window` and `document` to Node, and name themselves in the UA.
// - Cloudflare's workerd has `WorkerGlobalScope`, but its global is no instance of it; its UA
//   is `Cloudflare-Workers` (no navigator before the 2022-03-21 compatibility date), and it
//   alone has `WebSocketPair`.
// - Vercel's edge runtime (edge-light) sets `EdgeRuntime`.
// - A page has `window` and `document`; dedicated, shared and service workers have neither,
//   but their global is a `WorkerGlobalScope`; worklets' is a `WorkletGlobalScope`.
// - A page's markup cannot fake any of the server signals below: an element with an `id` or
//   `name` (`<div id="Deno">`, `<img name="Bun">`, a form, an embed, an iframe's window) becomes
//   a global object, never a string, and never a Node `process`; a `process` polyfill is a plain
//   object, which Node's, Bun's and Deno's `process` (tagged `[object process]`) is not.

/** The globals {@link isShopperBrowser} looks at, so tests can pass their own. */
export interface RuntimeGlobals {
  process?: unknown
  Deno?: { version?: { deno?: unknown } } | undefined
  Bun?: { version?: unknown } | undefined
  EdgeRuntime?: unknown
  WebSocketPair?: unknown
  navigator?: { userAgent?: string } | undefined
  window?: unknown
  document?: unknown
  WorkerGlobalScope?: unknown
  WorkletGlobalScope?: unknown
}

const SERVER_AGENT = /Cloudflare-Workers|HappyDOM|jsdom/

/**
 * True in a shopper's browser: a page, or a dedicated, shared or service worker (or a worklet)
 * it started, whatever its markup or polyfills define. False in Node, Bun, Deno, Cloudflare
 * Workers and Vercel's edge runtime, also when a DOM emulation (happy-dom, jsdom) adds `window`
 * and `document` to them.
 */
export function isShopperBrowser(
  globals: RuntimeGlobals = globalThis as unknown as RuntimeGlobals,
): boolean {
  const g = globals
  if (typeof g.Deno?.version?.deno === 'string' || typeof g.Bun?.version === 'string') return false
  if (typeof g.EdgeRuntime === 'string') return false
  if ({}.toString.call(g.process) === '[object process]') return false
  // workerd before its 2022-03-21 compatibility date has no navigator, which every page has.
  if (typeof g.WebSocketPair === 'function' && !g.navigator) return false
  if (SERVER_AGENT.test(String(g.navigator?.userAgent))) return false
  if (g.window !== undefined && g.document !== undefined) return true
  return isInstance(g, g.WorkerGlobalScope) || isInstance(g, g.WorkletGlobalScope)
}

function isInstance(value: object, scope: unknown): boolean {
  return typeof scope === 'function' && value instanceof scope
}
