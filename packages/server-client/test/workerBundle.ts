import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

/**
 * Lays `files` (from `sourceDir`) out as an app with server-client installed (a symlink, as
 * pnpm makes), so the package's own `exports` conditions pick the file, bundles its
 * `entry` (`worker.mjs`) with the Workers conditions, and returns the script.
 */
export async function bundleWorker(
  tmp: string,
  packageDir: string,
  sourceDir: string,
  files: readonly string[],
  entry = 'worker.mjs',
): Promise<string> {
  const app = join(tmp, 'worker-app')
  mkdirSync(join(app, 'node_modules/@smartpay-kit'), { recursive: true })
  symlinkSync(packageDir, join(app, 'node_modules/@smartpay-kit/server-client'), 'dir')
  for (const file of files) copyFileSync(join(sourceDir, file), join(app, file))
  const outDir = join(tmp, 'worker')
  await build({
    configFile: false,
    logLevel: 'silent',
    root: app,
    resolve: { conditions: ['workerd', 'worker', 'browser'] },
    build: {
      outDir,
      minify: false,
      lib: { entry: join(app, entry), formats: ['es'], fileName: 'worker' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })
  const bundle = readdirSync(outDir).find((file) => /^worker\.m?js$/.test(file)) ?? 'missing'
  return readFileSync(join(outDir, bundle), 'utf8')
}
