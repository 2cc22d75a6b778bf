import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Miniflare, type Request as MiniflareRequest } from 'miniflare'
import { build } from 'vite'
import { describe, expect, it } from 'vitest'

const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url))

describe('the in-process sandbox in Cloudflare workerd (miniflare)', () => {
  it('serves both clients and delivers webhooks, with no request leaving the worker', {
    timeout: 120_000,
  }, async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sandbox-worker-'))
    try {
      // Bundled from source with the Workers export conditions, as a Workers build would.
      await build({
        configFile: false,
        logLevel: 'silent',
        resolve: {
          conditions: ['workerd', 'worker', 'browser'],
          // The clients import core by name; everything else is imported by path.
          alias: [
            { find: /^@smartpay-kit\/core$/, replacement: root('packages/core/src/index.ts') },
          ],
        },
        build: {
          outDir,
          minify: false,
          lib: {
            entry: fileURLToPath(new URL('./worker/inProcess.worker.mjs', import.meta.url)),
            formats: ['es'],
            fileName: 'worker',
          },
          rolldownOptions: { output: { codeSplitting: false } },
        },
      })
      const bundle = readdirSync(outDir).find((file) => /^worker\.m?js$/.test(file)) ?? 'missing'
      const script = readFileSync(join(outDir, bundle), 'utf8')
      expect(script).not.toMatch(/from ['"]node:/)
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
        const results = (await response.json()) as { name: string; ok: boolean; detail?: string }[]
        expect(results.filter((r) => !r.ok)).toEqual([])
        expect(results).toHaveLength(5)
        expect(outbound).toEqual([])
      } finally {
        await mf.dispose()
      }
    } finally {
      rmSync(outDir, { recursive: true, force: true })
    }
  })
})
