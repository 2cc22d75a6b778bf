import { execFile } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, expect, inject, it } from 'vitest'
import { type FrameworkInstall, frameworksReady } from '../../support/frameworkInstall.js'
import { KEY } from '../helpers/project.js'
import { filesHoldingKey } from '../helpers/shipsKey.js'

export { KEY, KEY_FINGERPRINT } from '../helpers/project.js'

/** The frameworks' install, once ready (it runs in the background from globalSetup). */
export const frameworks = (): Promise<FrameworkInstall> => frameworksReady(inject('frameworksRoot'))

/**
 * Copies the app `apps/<name>` into the install as `as`, with `files` added (the key goes in
 * files written here, never in the repository), and returns its folder.
 */
export function app(
  install: FrameworkInstall,
  name: string,
  as: string,
  files: Record<string, string> = {},
): string {
  const dir = join(install.root, 'apps', as)
  rmSync(dir, { recursive: true, force: true })
  cpSync(fileURLToPath(new URL(`./apps/${name}/`, import.meta.url)), dir, { recursive: true })
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true })
    writeFileSync(join(dir, file), content)
  }
  return dir
}

/** How a command ended: its exit code and everything it printed, colours off. */
export interface Outcome {
  code: number
  output: string
}

/** The env every build runs with: no telemetry, no colours, the key where apps read it. */
const ENV = {
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  NUXT_TELEMETRY_DISABLED: '1',
  DO_NOT_TRACK: '1',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
  SMARTPAY_SECRET_KEY: KEY,
}

/** Runs `script` (a file of the install, such as a framework's CLI) with Node 24 in `cwd`. */
export async function runScript(
  install: FrameworkInstall,
  cwd: string,
  script: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<Outcome> {
  const { NODE_OPTIONS: _, ...inherited } = process.env
  return new Promise((resolve) => {
    execFile(
      install.node,
      [join(install.root, 'node_modules', script), ...args],
      { cwd, env: { ...inherited, ...ENV, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0
        resolve({ code, output: `${stdout}\n${stderr}` })
      },
    )
  })
}

/** The files under `dir` that hold the key, in any encoding the suite's own scan knows. */
export const holdingKey = (dir: string): string[] => filesHoldingKey(dir, KEY)

/** A line of a refusal naming `file` (a path or a pattern) with the key's fingerprint. */
export function refusalLine(file: string | RegExp): RegExp {
  const source =
    typeof file === 'string' ? file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : file.source
  return new RegExp(`^ {2}${source}: sk_live_…uite`, 'm')
}

/** An app whose build ships the key: what it runs, and where the key lands. */
export interface AppAttack {
  /** The folder under apps/. */
  app: string
  /** Its folder in the install, when one app is built several ways. @default app */
  as?: string
  /** The framework's CLI (a file of the install) and its arguments. */
  command: readonly [script: string, ...args: string[]]
  /** Files (relative to the app) that hold the key after a build without the firewall. */
  ships: readonly string[]
  /** How the firewall's refusal names them: one line each. */
  refused: readonly (string | RegExp)[]
  /** The folder the `ships` files are under, searched by the suite's own scan. */
  served: string
}

/**
 * The two builds of an attack, as tests: the control (without the firewall the build is green
 * and the key is in what is served) and the firewall's (the build fails, naming every file).
 */
export function appAttack(attack: AppAttack): void {
  let control: { dir: string; outcome: Outcome }
  let guarded: Outcome
  beforeAll(async () => {
    const install = await frameworks()
    const [script, ...args] = attack.command
    const name = attack.as ?? attack.app
    const open = app(install, attack.app, `${name}-control`)
    control = { dir: open, outcome: await runScript(install, open, script, args) }
    const shut = app(install, attack.app, `${name}-firewall`)
    guarded = await runScript(install, shut, script, args, { ATTACK_FIREWALL: '1' })
  })

  it('without the firewall: a green build, and the key in what is served (the control)', () => {
    expect(control.outcome.code, control.outcome.output).toBe(0)
    const shipped = holdingKey(join(control.dir, attack.served)).map((file) =>
      join(attack.served, file),
    )
    expect(shipped).toEqual(expect.arrayContaining([...attack.ships]))
  })

  it('with the firewall: the build fails, naming every served file that holds the key', () => {
    expect(guarded.code, guarded.output).not.toBe(0)
    expect(guarded.output).toContain('[smartpay-firewall] A Smartpay secret key is in the')
    for (const file of attack.refused) expect(guarded.output).toMatch(refusalLine(file))
    expect(guarded.output).not.toContain(KEY)
  })
}
