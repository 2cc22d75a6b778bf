import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The fake, key-shaped secret key every attack tries to ship: `sk_live_` + 24 characters. */
export const KEY = 'sk_live_FakeKeyForTheAttackSuite'
/** Its fingerprint, which messages may show. */
export const KEY_FINGERPRINT = 'sk_live_…uite'

/** `packages/` of this repository. */
export const PACKAGES = fileURLToPath(new URL('../../../packages/', import.meta.url))

const BUILT = [
  'core/dist/index.js',
  'public-client/dist/index.js',
  'firewall/dist/vite.js',
  'firewall/dist/rollup.js',
  'firewall/dist/esbuild.js',
  'firewall/dist/webpack.js',
  'firewall/dist/cli.js',
  'server-client/dist/index.js',
  'server-client/dist/webhooks.js',
]

/** A fixture app: its files, by path relative to the app. */
export type Files = Record<string, string | Uint8Array>

/** A temporary folder laid out like a user's project after `pnpm install`. */
export interface Project {
  /** Writes a fixture app into the project and returns its absolute path. */
  app(name: string, files: Files): string
  remove(): void
}

/**
 * A project whose `node_modules/@smartpay-kit/*` are symlinks to the package folders, as pnpm
 * links workspace packages: every bundler resolves them through their package.json `exports`
 * to the built `dist` and `guard` files, as an installed user gets them.
 */
export function createProject(): Project {
  const missing = BUILT.filter((file) => !existsSync(join(PACKAGES, file)))
  if (missing.length > 0) {
    throw new Error(
      `The attack suite builds against the built packages, and ${missing.join(', ')} is missing. ` +
        'Run `npx -y pnpm@12.4.2 build` first (`pnpm test` does).',
    )
  }
  const root = mkdtempSync(join(tmpdir(), 'smartpay-attack-'))
  const scope = join(root, 'node_modules', '@smartpay-kit')
  mkdirSync(scope, { recursive: true })
  for (const name of ['core', 'public-client', 'server-client', 'firewall']) {
    symlinkSync(join(PACKAGES, name), join(scope, name), 'dir')
  }
  return {
    app(name, files) {
      const app = join(root, name)
      const all: Files = { 'package.json': '{ "type": "module" }', ...files }
      for (const [path, content] of Object.entries(all)) {
        mkdirSync(dirname(join(app, path)), { recursive: true })
        writeFileSync(join(app, path), content)
      }
      return app
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}
