// The one place that tells a shopper's browser from a server runtime. Each claim below was
// checked in the runtime itself (see shopperBrowser.test.ts and the Chromium tests):
// - Node (20, 22, 24), Bun and Deno all set `process.versions.node`; Bun and Deno also have
//   their own global, in their workers too. Deno's global is even tagged `[object Window]`.
// - happy-dom and jsdom add `window` and `document` to Node, and name themselves in the UA.
// - Cloudflare's workerd has `WorkerGlobalScope`, but its global is no instance of it; its UA
//   is `Cloudflare-Workers` (no navigator before the 2022-03-21 compatibility date), and it
//   alone has `WebSocketPair`.
// - Vercel's edge runtime (edge-light) sets `EdgeRuntime`.
// - A page has `window` and `document`; dedicated, shared and service workers have neither,
//   but their global is a `WorkerGlobalScope`; worklets' is a `WorkletGlobalScope`.

/** The globals {@link isShopperBrowser} looks at, so tests can pass their own. */
export interface RuntimeGlobals {
  process?: { versions?: { node?: string } } | undefined
  Deno?: unknown
  Bun?: unknown
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
 * it started. False in Node, Bun, Deno, Cloudflare Workers and Vercel's edge runtime, also
 * when a DOM emulation (happy-dom, jsdom) adds `window` and `document` to them.
 */
export function isShopperBrowser(
  globals: RuntimeGlobals = globalThis as unknown as RuntimeGlobals,
): boolean {
  const g = globals
  if (g.Deno !== undefined || g.Bun !== undefined || g.EdgeRuntime !== undefined) return false
  if (typeof g.process?.versions?.node === 'string') return false
  if (typeof g.WebSocketPair === 'function') return false
  if (SERVER_AGENT.test(String(g.navigator?.userAgent))) return false
  if (g.window !== undefined && g.document !== undefined) return true
  return isInstance(g, g.WorkerGlobalScope) || isInstance(g, g.WorkletGlobalScope)
}

function isInstance(value: object, scope: unknown): boolean {
  return typeof scope === 'function' && value instanceof scope
}
