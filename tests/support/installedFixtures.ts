import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `packages/` of this repository. */
export const PACKAGES = fileURLToPath(new URL('../../packages/', import.meta.url))
const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url))

/** What the fixtures load instead of sources: built files, as an installed user gets them. */
const BUILT_FILES = {
  core: ['dist/index.js', 'dist/index.d.ts'],
  'public-client': ['dist/index.js'],
  'server-client': [
    'dist/index.js',
    'dist/index.d.ts',
    'dist/webhooks.js',
    'guard/browser.js',
    'guard/browser.d.ts',
    'guard/webpack.cjs',
    'guard/unknown.js',
  ],
}

/** A workspace package the fixture apps can depend on. */
export type FixturePackage = keyof typeof BUILT_FILES

/** Throws, naming the command, when a package the fixtures resolve has not been built. */
export function assertPackagesBuilt(packages: readonly FixturePackage[]): void {
  const missing = packages
    .flatMap((name) => BUILT_FILES[name].map((file) => `${name}/${file}`))
    .filter((file) => !existsSync(join(PACKAGES, file)))
  if (missing.length > 0) {
    throw new Error(
      `The fixture apps resolve the built packages, and these files are missing: ${missing.join(', ')}. ` +
        'Run `npx -y pnpm@12.4.2 build` at the repository root first (`pnpm test` does).',
    )
  }
}

/** A temporary folder laid out like a user's project after `pnpm install`. */
export interface FixtureInstall {
  /** Absolute path of a copied fixture app. */
  app(name: string): string
  remove(): void
}

/**
 * Copies fixture apps into a temporary project whose `node_modules/@smartpay-kit/*` are
 * symlinks to the package folders, as pnpm links workspace packages. Resolution then goes
 * through each package.json `exports` to `dist` and `guard`: no source condition, no aliases.
 */
export function installFixtures(
  apps: readonly string[],
  packages: readonly FixturePackage[] = ['core', 'public-client', 'server-client'],
): FixtureInstall {
  assertPackagesBuilt(packages)
  const root = mkdtempSync(join(tmpdir(), 'smartpay-fixtures-'))
  const scope = join(root, 'node_modules', '@smartpay-kit')
  mkdirSync(scope, { recursive: true })
  for (const name of packages) {
    symlinkSync(join(PACKAGES, name), join(scope, name), 'dir')
  }
  for (const app of apps) cpSync(join(FIXTURES, app), join(root, app), { recursive: true })
  return {
    app: (name) => join(root, name),
    remove: () => rmSync(root, { recursive: true, force: true }),
  }
}
