import { execFile } from 'node:child_process'
import { cpSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { inject } from 'vitest'

const exec = promisify(execFile)

/** The temporary consumer project (outside the repository) with the tarballs installed. */
export const consumerRoot = (): string => inject('consumerRoot')

/**
 * Copies `projects/<name>` into the consumer project as `as` and returns its path. It resolves
 * packages from the consumer project's node_modules, as a folder of a user's app does.
 */
export function project(name: string, as = name): string {
  const target = join(consumerRoot(), as)
  cpSync(fileURLToPath(new URL(`./projects/${name}/`, import.meta.url)), target, {
    recursive: true,
  })
  return target
}

/** Output of a finished command; `code` is 0 on success. */
export interface Outcome {
  code: number
  stdout: string
  stderr: string
}

/** Runs a command to its end and returns its exit code and output, without throwing. */
export async function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<Outcome> {
  try {
    const { stdout, stderr } = await exec(command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      maxBuffer: 16 * 1024 * 1024,
    })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string }
    return {
      code: typeof failed.code === 'number' ? failed.code : 1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    }
  }
}

/** Runs one TypeScript version's tsc (its alias in globalSetup's TYPESCRIPT) on a tsconfig. */
export async function tsc(
  alias: string,
  cwd: string,
  tsconfig: string,
  flags: readonly string[] = [],
): Promise<{ code: number; errors: string }> {
  const bin = join(consumerRoot(), 'node_modules', alias, 'bin', 'tsc')
  const result = await run(process.execPath, [bin, '-p', tsconfig, '--pretty', 'false', ...flags], {
    cwd,
  })
  return { code: result.code, errors: `${result.stdout}${result.stderr}`.trim() }
}
