import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Miniflare, type Request as MiniflareRequest } from 'miniflare'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The in-process sandbox outside Node: one check (runtimes/inProcess.mjs) bundled from source
// with the Workers export conditions, run in workerd, Deno and Bun. Each run must pass all of
// its steps without any request leaving the process.
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))
const here = (path: string) => fileURLToPath(new URL(`./runtimes/${path}`, import.meta.url))
const run = promisify(execFile)

type Result = { name: string; ok: boolean; detail?: string }
const STEPS = 5

let dir: string
let script: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sandbox-runtimes-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    resolve: {
      conditions: ['workerd', 'worker', 'browser'],
      // The clients import core by name; everything else is imported by path.
      alias: [{ find: /^@smartpay-kit\/core$/, replacement: root('packages/core/src/index.ts') }],
    },
    build: {
      outDir: dir,
      minify: false,
      lib: { entry: here('inProcess.mjs'), formats: ['es'], fileName: 'bundle' },
      rolldownOptions: { output: { codeSplitting: false } },
    },
  })
  const bundle = readdirSync(dir).find((file) => /^bundle\.m?js$/.test(file)) ?? 'missing'
  renameSync(join(dir, bundle), join(dir, 'bundle.js'))
  copyFileSync(here('run.mjs'), join(dir, 'run.mjs'))
  script = readFileSync(join(dir, 'bundle.js'), 'utf8')
}, 120_000)
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

function expectAllPassed(results: Result[]): void {
  expect(results.filter((r) => !r.ok)).toEqual([])
  expect(results).toHaveLength(STEPS)
}

/** Runs run.mjs with a command line and returns the results it printed. */
async function resultsOf(command: string, args: string[]): Promise<Result[]> {
  const { stdout } = await run(command, [...args, join(dir, 'run.mjs')], {
    cwd: dir,
    timeout: 150_000,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: '1' },
  })
  const line = stdout.split('\n').find((l) => l.startsWith('RESULTS '))
  if (!line) throw new Error(`no results in output:\n${stdout}`)
  return JSON.parse(line.slice(8)) as Result[]
}

describe('the in-process sandbox in other runtimes', () => {
  it('bundles with no node:* import', () => {
    expect(script).not.toMatch(/from ['"]node:/)
  })

  it('Cloudflare workerd (miniflare)', { timeout: 120_000 }, async () => {
    const outbound: string[] = []
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      outboundService: (request: MiniflareRequest) => {
        outbound.push(request.url)
        return new Response('no network in this test', { status: 599 })
      },
    })
    try {
      const response = await mf.dispatchFetch('http://worker.test/')
      expectAllPassed((await response.json()) as Result[])
      expect(outbound).toEqual([])
    } finally {
      await mf.dispose()
    }
  })

  it('Deno 2, allowed to read its bundle and nothing else (so no network)', {
    timeout: 180_000,
  }, async () => {
    const deno = ['-y', 'deno@2', 'run', '--no-prompt', `--allow-read=${dir}`]
    expectAllPassed(await resultsOf('npx', deno))
  })

  it('Bun 1.4', { timeout: 180_000 }, async () => {
    expectAllPassed(await resultsOf('npx', ['-y', 'bun@1.4.4']))
  })
})
