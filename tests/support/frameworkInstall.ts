import { execFile } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

// The frameworks real apps are built with (Next.js, SvelteKit, Astro, Nuxt, React Router, Vite
// 6/7/8), installed once per run as a user's project gets them: the pinned manifest and lockfile
// in ./frameworks, `npm ci` into a temporary folder outside the repository, then this
// repository's packages from their packed tarballs (pnpm pack) with `npm install --no-save`.
// Apps go in folders under the install's root and resolve everything from its node_modules.
//
// A suite's globalSetup calls startFrameworkInstall(), which returns at once: the install runs
// in the background while other suites' tests run, and each test file waits for it with
// frameworksReady(root). To build more apps with it (examples, say), add their dependencies to
// ./frameworks/package.json and refresh the lockfile there with `npm install --package-lock-only`.

const run = promisify(execFile)
const repo = fileURLToPath(new URL('../../', import.meta.url))
const MANIFEST = fileURLToPath(new URL('./frameworks/', import.meta.url))
const READY = '.smartpay-ready.json'
const FAILED = '.smartpay-failed.txt'

/** A finished install. */
export interface FrameworkInstall {
  /** Its root: node_modules, and a folder per app. */
  root: string
  /** The Node.js the frameworks run on (24: Astro 7 and Nuxt 4 need more than Node 20). */
  node: string
}

/** An install under way. */
export interface StartedInstall {
  root: string
  /** Settles when the install ends, either way (its outcome is in the root, for the tests). */
  done: Promise<void>
  /** Waits for the install to end, then removes it. */
  remove(): Promise<void>
}

const quiet = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' }
const big = { maxBuffer: 64 * 1024 * 1024 }

async function install(root: string): Promise<FrameworkInstall> {
  for (const file of ['package.json', 'package-lock.json']) {
    copyFileSync(join(MANIFEST, file), join(root, file))
  }
  const tarballs = join(root, 'tarballs')
  const [, , nodePath] = await Promise.all([
    run('npm', ['ci', '--no-audit', '--prefer-offline', '--loglevel=error'], {
      cwd: root,
      env: quiet,
      ...big,
    }),
    run(
      'npx',
      [
        '-y',
        'pnpm@12.4.2',
        '-r',
        '--filter',
        './packages/**',
        'pack',
        '--pack-destination',
        tarballs,
      ],
      { cwd: repo, ...big },
    ),
    run('npx', ['-y', 'node@24', '-p', 'process.execPath'], { env: quiet }),
  ])
  const packed = readdirSync(tarballs)
    .filter((file) => file.endsWith('.tgz'))
    .map((file) => join(tarballs, file))
  await run(
    'npm',
    ['install', '--no-save', '--no-audit', '--prefer-offline', '--loglevel=error', ...packed],
    { cwd: root, env: quiet, ...big },
  )
  return { root, node: nodePath.stdout.trim() }
}

// The run's one install and how many suites use it, on globalThis: each Vitest project's
// globalSetup loads this module afresh, in the same process.
const SHARED = Symbol.for('smartpay-kit.frameworkInstall')
type Shared = { [SHARED]?: { install: StartedInstall; users: number } }

/**
 * Starts installing the frameworks into a new temporary folder and returns at once; a second
 * suite in the same run (the attack suite and the example apps) gets the same install, removed
 * once the last of them is done with it. Needs the packages built (`pnpm build`), as the
 * tarballs are packed from their dist.
 */
export function startFrameworkInstall(): StartedInstall {
  const shared = globalThis as Shared
  const current = shared[SHARED]
  const entry = current ?? { install: startInstall(), users: 0 }
  entry.users += 1
  shared[SHARED] = entry
  let removed = false
  return {
    ...entry.install,
    async remove() {
      if (removed) return
      removed = true
      entry.users -= 1
      if (entry.users > 0) return
      delete shared[SHARED]
      await entry.install.remove()
    },
  }
}

function startInstall(): StartedInstall {
  const root = mkdtempSync(join(tmpdir(), 'smartpay-frameworks-'))
  const done = install(root).then(
    (installed) => writeFileSync(join(root, READY), JSON.stringify(installed)),
    (error: unknown) => {
      const { message, stderr } = error as { message?: string; stderr?: string }
      writeFileSync(join(root, FAILED), `${message ?? error}\n${stderr ?? ''}`)
    },
  )
  return {
    root,
    done,
    async remove() {
      await done
      rmSync(root, { recursive: true, force: true })
    },
  }
}

/** The install at `root` once it is ready; throws what failed if it failed. */
export async function frameworksReady(root: string): Promise<FrameworkInstall> {
  // Waits for an outcome, not for a time: the test's own timeout stops a hung install.
  for (;;) {
    if (existsSync(join(root, READY))) {
      return JSON.parse(readFileSync(join(root, READY), 'utf8')) as FrameworkInstall
    }
    if (existsSync(join(root, FAILED))) {
      throw new Error(
        `Installing the frameworks failed: ${readFileSync(join(root, FAILED), 'utf8')}`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}
