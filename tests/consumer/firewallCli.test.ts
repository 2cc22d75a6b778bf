import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { consumerRoot, run } from './helpers.js'

// The firewall's CLI as a user runs it after any build: the `smartpay-firewall` bin of the
// installed @smartpay-kit/firewall tarball, on folders written here.

const KEY = 'sk_live_ConsumerCliCheck000000'
const FINGERPRINT = 'sk_live_…0000'

/** A build output folder with the given files, under the consumer project. */
function output(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(consumerRoot(), 'cli-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  return dir
}

const scan = (...dirs: string[]) =>
  run(join(consumerRoot(), 'node_modules/.bin/smartpay-firewall'), ['scan', ...dirs], {
    cwd: consumerRoot(),
  })

describe('smartpay-firewall scan, from the tarball', () => {
  it('passes a clean build: exit 0, and says how many files it read', async () => {
    const dir = output({
      'index.html': '<script type="module" src="/assets/app.js"></script>',
      'assets/app.js': "console.log('pk_test_only a public key here')",
    })
    const result = await scan(dir)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/No Smartpay secret key in 2 files/)
  })

  it.each([
    ['plain', 'assets/app.js', `const key = '${KEY}'`],
    ['gzipped', 'assets/app.js.gz', gzipSync(`fetch(u, { headers: { k: '${KEY}' } })`)],
    ['in Basic credentials', 'assets/basic.js', `const h = 'Basic ${btoa(`${KEY}:`)}'`],
  ])(
    'refuses a key %s: exit 1, the file and the fingerprint, never the key',
    async (_, file, content) => {
      const result = await scan(output({ 'index.html': '<p>shop</p>', [file]: content }))
      expect(result.code).toBe(1)
      expect(result.stderr).toContain(FINGERPRINT)
      expect(result.stderr).toContain(file)
      expect(`${result.stdout}${result.stderr}`).not.toContain(KEY)
      expect(`${result.stdout}${result.stderr}`).not.toContain(KEY.slice('sk_live_'.length, -4))
    },
  )

  it('says how to use it on bad usage or a missing folder: exit 2', async () => {
    const usage = await scan()
    expect(usage.code).toBe(2)
    expect(usage.stderr).toMatch(/Usage: smartpay-firewall scan <dir…>/)
    const missing = await scan(join(consumerRoot(), 'no-such-dist'))
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/Not a folder: .*no-such-dist\. Build first, then scan\./)
  })
})
