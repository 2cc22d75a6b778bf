import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { TestProject } from 'vitest/node'

// Once per run: pack the six packages as a release would (pnpm pack, with .pnpmfile.cjs), and
// install the tarballs with npm into one temporary project outside the repository, so that
// nothing resolves through the workspace. The test files copy their apps into it.

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../', import.meta.url))
const PACKAGES = ['core', 'public-client', 'server-client', 'sandbox', 'firewall', 'migrate']

/** The bundlers (and Node's types, for build configs) installed next to the tarballs. */
const BUNDLERS = {
  vite: '8.3.8',
  rollup: '4.68.8',
  rolldown: '1.2.19',
  esbuild: '0.28.2',
  webpack: '5.113.0',
  '@types/node': '20.19.43',
  // The official SDK and Express, for the apps the codemod migrates (migrate.test.ts).
  '@smartpay/sdk-node': '0.9.1',
  express: '5.3.0',
}

/**
 * What the README snippets use besides the packages (readme.test.ts type-checks them): the
 * libraries they show the packages with, at the versions the READMEs name or the repo pins.
 */
const README_LIBRARIES = {
  '@opentelemetry/api': '1.10.0',
  '@types/express': '5.0.6',
  '@types/pg': '8.23.1',
  '@types/react': '19.3.3',
  redis: '6.4.0',
  undici: '7.30.2',
}

/** The TypeScript versions consumers type-check with, installed side by side under aliases. */
export const TYPESCRIPT = { ts59: '5.9.3', ts60: '6.0.3', ts70: '7.0.2' } as const

declare module 'vitest' {
  export interface ProvidedContext {
    /** The temporary consumer project: the tarballs, TypeScript and the bundlers installed. */
    consumerRoot: string
    /** Where the six tarballs are. */
    tarballDir: string
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const missing = PACKAGES.filter((name) => !existsSync(join(repo, 'packages', name, 'dist')))
  if (missing.length > 0) {
    throw new Error(
      `The consumer tests pack the built packages; not built: ${missing.join(', ')}. ` +
        'Run `npx -y pnpm@12.4.2 build` first (`npx -y pnpm@12.4.2 test` does).',
    )
  }
  const root = mkdtempSync(join(tmpdir(), 'smartpay-consumer-'))
  try {
    const tarballDir = join(root, 'tarballs')
    await run(
      'npx',
      [
        '-y',
        'pnpm@12.4.2',
        '-r',
        '--filter',
        './packages/**',
        'pack',
        '--pack-destination',
        tarballDir,
      ],
      { cwd: repo },
    )
    const tarballs = readdirSync(tarballDir).filter((file) => file.endsWith('.tgz'))
    if (tarballs.length !== PACKAGES.length) {
      throw new Error(`expected ${PACKAGES.length} tarballs, got: ${tarballs.join(', ')}`)
    }
    const app = join(root, 'app')
    // The bundlers at the repository's own versions (the npm cache has them), for the Vite app
    // and for type-checking the firewall's plugins against their types (buildTypes.test.ts).
    const dependencies: Record<string, string> = { ...BUNDLERS, ...README_LIBRARIES }
    for (const file of tarballs) {
      const name = `@smartpay-kit/${file.replace(/^smartpay-kit-/, '').replace(/-\d+\.\d+\.\d+.*\.tgz$/, '')}`
      dependencies[name] = `file:${join(tarballDir, file)}`
    }
    for (const [alias, version] of Object.entries(TYPESCRIPT)) {
      dependencies[alias] = `npm:typescript@${version}`
    }
    mkdirSync(app)
    writeFileSync(
      join(app, 'package.json'),
      JSON.stringify({ name: 'consumer-app', private: true, dependencies }, null, 2),
    )
    // npm, not pnpm: the registry's dependencies (ky, valibot, selfsigned) come in as a user's
    // install gets them. The shared npm cache makes repeat runs quick.
    await run(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--prefer-offline'],
      {
        cwd: app,
        env: { ...process.env, npm_config_update_notifier: 'false' },
        maxBuffer: 16 * 1024 * 1024,
      },
    )
    project.provide('consumerRoot', app)
    project.provide('tarballDir', tarballDir)
  } catch (error) {
    rmSync(root, { recursive: true, force: true })
    throw error
  }
  return () => rmSync(root, { recursive: true, force: true })
}
