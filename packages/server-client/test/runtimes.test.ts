import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DEFAULT_KEYS, type Sandbox, startSandbox } from '@smartpay-kit/sandbox'
import {
  Miniflare,
  type Request as MiniflareRequest,
  Response as MiniflareResponse,
} from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { trustingFetch } from '../../../tests/support/trustingFetch'
import { bundleWorker } from './workerBundle.js'

// The runtime matrix: the same smoke pass (runtimes/smoke.mjs) against the sandbox, in each
// runtime, through the *built* package and its `exports` conditions. Needs `pnpm build`.
const run = promisify(execFile)
const here = new URL('./runtimes/', import.meta.url).pathname
const packageDir = new URL('../', import.meta.url).pathname
const secretKey = DEFAULT_KEYS.secret

type Result = { name: string; ok: boolean; detail?: string }

let sandbox: Sandbox
// Unset until beforeAll gets that far: afterAll must then not throw and hide beforeAll's error.
let tmp: string | undefined
let caFile: string

beforeAll(async () => {
  if (!existsSync(join(packageDir, 'dist/index.js'))) {
    throw new Error('server-client is not built: run `npx -y pnpm@12.4.2 build` first')
  }
  sandbox = await startSandbox()
  tmp = mkdtempSync(join(tmpdir(), 'smartpay-runtimes-'))
  caFile = join(tmp, 'sandbox-ca.pem')
  writeFileSync(caFile, sandbox.ca)
})
afterAll(async () => {
  await sandbox?.stop()
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})

/** Runs runSmoke.mjs with a command line and returns the results it printed. */
async function smokeIn(
  command: string,
  args: string[],
  extraEnv: Record<string, string>,
): Promise<Result[]> {
  const { stdout } = await run(command, [...args, join(here, 'runSmoke.mjs')], {
    cwd: packageDir,
    timeout: 120_000,
    env: {
      ...process.env,
      ...extraEnv,
      SANDBOX_API_URL: sandbox.apiUrl,
      SANDBOX_SECRET_KEY: secretKey,
      SANDBOX_CONTROL_TOKEN: sandbox.controlToken,
      SMARTPAY_SECRET_KEY: secretKey,
    },
  })
  const line = stdout.split('\n').find((l) => l.startsWith('SMOKE '))
  if (!line) throw new Error(`no results in output:\n${stdout}`)
  return JSON.parse(line.slice(6)) as Result[]
}

function expectAllPassed(results: Result[], minimum: number): void {
  const failed = results.filter((r) => !r.ok).map((r) => `${r.name}: ${r.detail}`)
  expect(failed).toEqual([])
  expect(results.length).toBeGreaterThanOrEqual(minimum)
}

const npx = (pkg: string, ...args: string[]) => ['npx', ['-y', pkg, ...args]] as const

describe('runtime matrix: server-client against the sandbox', () => {
  it.each([
    // Node 20 is past its end of life and below the packages' floor (ky needs 22); it is the
    // repository's tooling runtime, so the pass stays here to show it still works, unsupported.
    ['Node 20 (this process’s node; unsupported)', process.execPath, []],
    ['Node 22', ...npx('node@22')],
    ['Node 24', ...npx('node@24')],
    ['Bun 1.4', ...npx('bun@1.4.4')],
  ] as const)('%s', { timeout: 180_000 }, async (_, command, args) => {
    expectAllPassed(await smokeIn(command, [...args], { NODE_EXTRA_CA_CERTS: caFile }), 11)
  })

  it('Deno 2', { timeout: 180_000 }, async () => {
    const [command, args] = npx(
      'deno@2',
      'run',
      '--allow-env',
      '--allow-net=127.0.0.1',
      '--allow-read',
    )
    expectAllPassed(
      await smokeIn(command, [...args], { DENO_CERT: caFile, DENO_NO_UPDATE_CHECK: '1' }),
      11,
    )
  })

  it('Cloudflare workerd (miniflare), bundled with the Workers conditions', {
    timeout: 120_000,
  }, async () => {
    // Lay the worker out as an app with server-client installed (a symlink, as pnpm makes),
    // so the package's own `exports` conditions pick the file.
    if (tmp === undefined) throw new Error('set-up failed: see the error of beforeAll')
    const script = await bundleWorker(tmp, packageDir, here, ['worker.mjs', 'smoke.mjs'])
    expect(script).not.toMatch(/cannot-be-bundled-for-the-browser/)
    const proxy = trustingFetch(sandbox.ca)
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      bindings: {
        SANDBOX_API_URL: sandbox.apiUrl,
        SANDBOX_SECRET_KEY: secretKey,
        SANDBOX_CONTROL_TOKEN: sandbox.controlToken,
      },
      // workerd trusts a CA only from NODE_EXTRA_CA_CERTS as miniflare loads, before this CA
      // existed; the outbound service relays its HTTPS requests through a Node fetch that does.
      outboundService: async (request: MiniflareRequest) => {
        const body = ['GET', 'HEAD'].includes(request.method) ? undefined : await request.text()
        const headers = new Headers()
        request.headers.forEach((value: string, name: string) => {
          if (!['host', 'connection', 'content-length', 'transfer-encoding'].includes(name))
            headers.set(name, value)
        })
        const response = await proxy(request.url, {
          method: request.method,
          headers,
          body: body ?? null,
        })
        return new MiniflareResponse(await response.arrayBuffer(), {
          status: response.status,
          headers: [...response.headers],
        })
      },
    })
    try {
      const response = await mf.dispatchFetch('http://worker.test/')
      expectAllPassed((await response.json()) as Result[], 10)
    } finally {
      await mf.dispose()
    }
  })
})
