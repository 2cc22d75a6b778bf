import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DEFAULT_KEYS, type Sandbox, startSandbox } from '@smartpay-kit/sandbox'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ConnectionError, createServerClient, parseSecretKey } from '../src/index.js'
import { bundleWorker } from './workerBundle.js'

const workerRunner = new URL('./runtimes/runWorker.mjs', import.meta.url).pathname

// The sandbox over HTTPS with its own CA, which nothing here is told to trust: the connection
// error must say that the certificate is not trusted and how to trust it.
let sandbox: Sandbox
let tmp: string | undefined

beforeAll(async () => {
  sandbox = await startSandbox()
  tmp = mkdtempSync(join(tmpdir(), 'smartpay-untrusted-'))
})
afterAll(async () => {
  await sandbox?.stop()
  if (tmp !== undefined) rmSync(tmp, { recursive: true, force: true })
})

describe('a sandbox whose CA the runtime does not trust', () => {
  it('in Node: ConnectionError says the certificate is not trusted, how to trust it, and is not retried', async () => {
    const attempts: number[] = []
    const smartpay = createServerClient({
      secretKey: parseSecretKey(DEFAULT_KEYS.secret),
      baseUrl: sandbox.apiUrl,
      hooks: { onRequest: (e) => void attempts.push(e.attempt) },
    })
    const error = await smartpay.orders.list().then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(ConnectionError)
    const { message } = error as ConnectionError
    expect(message).toMatch(
      /^GET \/orders got no answer from the API: self-signed certificate in certificate chain\. This runtime does not trust the server's TLS certificate/,
    )
    expect(message).toContain('NODE_EXTRA_CA_CERTS=<CA file>')
    expect(attempts).toEqual([1])
  })

  it('in workerd: the opaque "internal error" is named as a likely untrusted certificate, with the fix', {
    timeout: 120_000,
  }, async () => {
    if (tmp === undefined) throw new Error('set-up failed: see the error of beforeAll')
    const here = new URL('./runtimes/', import.meta.url).pathname
    const packageDir = new URL('../', import.meta.url).pathname
    const script = await bundleWorker(
      tmp,
      packageDir,
      here,
      ['untrustedWorker.mjs'],
      'untrustedWorker.mjs',
    )
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: '2025-09-01',
      bindings: { SANDBOX_API_URL: sandbox.apiUrl, SANDBOX_SECRET_KEY: DEFAULT_KEYS.secret },
    })
    try {
      const answer = (await (await mf.dispatchFetch('http://worker.test/')).json()) as {
        name: string
        message: string
      }
      expect(answer.name).toBe('ConnectionError')
      expect(answer.message).toMatch(
        /got no answer from the API: internal error; reference = \w+\. In workerd this is also how fetch reports a TLS certificate it does not trust/,
      )
      expect(answer.message).toContain('start wrangler with NODE_EXTRA_CA_CERTS=<CA file>')
    } finally {
      await mf.dispose()
    }

    // The fix it names: miniflare (and wrangler through it) started with NODE_EXTRA_CA_CERTS
    // hands that CA to workerd, and the same Worker gets its answer.
    const caFile = join(tmp, 'sandbox-ca.pem')
    const scriptFile = join(tmp, 'untrusted-worker.mjs')
    writeFileSync(caFile, sandbox.ca)
    writeFileSync(scriptFile, script)
    const { stdout } = await promisify(execFile)(process.execPath, [workerRunner, scriptFile], {
      cwd: packageDir,
      env: {
        ...process.env,
        NODE_EXTRA_CA_CERTS: caFile,
        SANDBOX_API_URL: sandbox.apiUrl,
        SANDBOX_SECRET_KEY: DEFAULT_KEYS.secret,
      },
    })
    expect(JSON.parse(stdout)).toEqual({ name: 'none' })
  })
})
