import { execFile } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Miniflare, type Request as MiniflareRequest } from 'miniflare'
import { chromium } from 'playwright'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The in-process sandbox outside Node: one check (runtimes/inProcess.mjs) bundled from source
// with the Workers export conditions, run in workerd, Deno and Bun. Each run must pass all of
// its steps without any request leaving the process.
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
      // The clients import core by name, from source as every test does; the rest by path.
      conditions: ['@smartpay-kit/source', 'workerd', 'worker', 'browser'],
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

  it('Chromium, in a page (the public client)', { timeout: 120_000 }, async () => {
    const out = join(dir, 'browser')
    await build({
      configFile: false,
      logLevel: 'silent',
      resolve: {
        conditions: ['@smartpay-kit/source', 'browser'],
      },
      build: {
        outDir: out,
        minify: false,
        lib: { entry: here('browser.mjs'), formats: ['iife'], name: 'check', fileName: 'browser' },
        rolldownOptions: { output: { codeSplitting: false } },
      },
    })
    const file = readdirSync(out).find((name) => name.endsWith('.js')) ?? 'missing'
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking'],
    })
    try {
      const page = await browser.newPage()
      // A secure context (Web Crypto) on a loopback URL the test answers itself: no server,
      // and every other request the page makes is recorded and refused.
      const outside: string[] = []
      await page.route('**/*', (route) => {
        if (route.request().url() === 'https://127.0.0.1/')
          return route.fulfill({
            contentType: 'text/html',
            body: '<!doctype html><title>check</title>',
          })
        outside.push(route.request().url())
        return route.abort()
      })
      await page.goto('https://127.0.0.1/')
      await page.addScriptTag({ content: readFileSync(join(out, file), 'utf8') })
      const steps = await page.evaluate(() =>
        (
          globalThis as unknown as { sandboxCheck: () => Promise<[string, boolean][]> }
        ).sandboxCheck(),
      )
      expect(steps.filter(([, ok]) => !ok)).toEqual([])
      expect(steps).toHaveLength(5)
      expect(outside).toEqual([])
    } finally {
      await browser.close()
    }
  })

  it('Bun 1.4', { timeout: 180_000 }, async () => {
    expectAllPassed(await resultsOf('npx', ['-y', 'bun@1.4.4']))
  })
})
