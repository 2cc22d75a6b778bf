import type { InlineConfig } from 'vite'
import { expect, it } from 'vitest'
import { type Outcome, viteBuild } from './bundlers.js'
import { type Files, KEY, type Project } from './project.js'
import { filesHoldingKey } from './shipsKey.js'

/**
 * The build failed, and its message names each of `mentions` (the file, variable or package,
 * and the fix) without ever showing the key.
 */
export function expectRefused(outcome: Outcome, ...mentions: (string | RegExp)[]): void {
  expect(outcome.error, 'the build succeeded: it should have been refused').toBeDefined()
  const message = outcome.error ?? ''
  for (const mention of mentions) expect(message).toMatch(mention)
  expect(message).not.toContain(KEY)
  expect(message).not.toContain(KEY.slice('sk_live_'.length, -4))
}

/** The build succeeded and nothing it wrote holds the key in any encoding the suite knows. */
export function expectShipsNoKey(outcome: Outcome): void {
  expect(outcome.error).toBeUndefined()
  expect(filesHoldingKey(outcome.outDir, KEY)).toEqual([])
}

/** A trick that gets a key into a Vite client build's output. */
export interface ViteAttack {
  name: string
  files: Files
  config?: InlineConfig
  /** What the refusal must name: the file or variable, as a string or pattern. */
  names: (string | RegExp)[]
}

/** What every refusal of a key in the output says to do. */
const FIX = /on the server/

/**
 * One test per attack: without the firewall, the built output holds the key (the trick works,
 * and the suite's own scan sees it); with `smartpayFirewall()`, the build fails naming the file
 * or variable and the fix.
 */
export function viteAttacks(project: () => Project, attacks: readonly ViteAttack[]): void {
  for (const attack of attacks) {
    it(`${attack.name}: ships the key without the firewall, and is refused with it`, async () => {
      const app = project().app(attack.name, attack.files)
      const open = await viteBuild(app, attack.config, { firewall: false })
      expect(open.error).toBeUndefined()
      expect(filesHoldingKey(open.outDir, KEY)).not.toEqual([])
      expectRefused(await viteBuild(app, attack.config), ...attack.names, FIX)
    })
  }
}

/** A page that loads `main.js`, with `head` and `body` added. */
export function page(head = '', body = ''): string {
  return `<!doctype html><html><head><title>Checkout</title>${head}</head><body>${body}<script type="module" src="./main.js"></script></body></html>`
}

/** base64 of `text`. */
export const base64 = (text: string) => Buffer.from(text).toString('base64')
