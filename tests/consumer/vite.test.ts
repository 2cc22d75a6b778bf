import { copyFileSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { consumerRoot, project, run } from './helpers.js'

// A user's Vite app with smartpayFirewall() from @smartpay-kit/firewall, built with the vite it
// installed.

const vite = () => join(consumerRoot(), 'node_modules/vite/bin/vite.js')

describe('a Vite checkout page installed from the tarballs', () => {
  it('builds with smartpayFirewall(), and ships the public client', async () => {
    const dir = project('web')
    const result = await run(process.execPath, [vite(), 'build'], { cwd: dir })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const assets = join(dir, 'dist/assets')
    const code = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(assets, file), 'utf8'))
      .join('\n')
    expect(code).toContain('pk_test_sandboxPublicKey000001')
    // No secret key (the firewall's own pattern, /sk_(?:test|live)_…/, is in the code).
    expect(code).not.toMatch(/sk_(test|live)_[0-9A-Za-z]{8,}/)
  })

  it('fails the build that imports the server client, naming the fix', async () => {
    const dir = project('web', 'web-server-import')
    copyFileSync(join(dir, 'server-import.js'), join(dir, 'main.js'))
    const result = await run(process.execPath, [vite(), 'build'], { cwd: dir })
    expect(result.code).not.toBe(0)
    expect(`${result.stdout}${result.stderr}`).toMatch(/@smartpay-kit\/public-client/)
  })

  it('fails the build whose page holds a secret key, showing only its fingerprint', async () => {
    const dir = project('web', 'web-secret-key')
    copyFileSync(join(dir, 'secret-key.js'), join(dir, 'main.js'))
    const result = await run(process.execPath, [vite(), 'build'], { cwd: dir })
    const output = `${result.stdout}${result.stderr}`
    expect(result.code).not.toBe(0)
    expect(output).toContain(
      '[smartpay-firewall] A Smartpay secret key is in the client build output',
    )
    expect(output).toMatch(/assets\/index-[\w-]+\.js: sk_test_…0001 \(from main\.js\)/)
    expect(output).not.toContain('sk_test_sandboxSecretKey0000')
  })
})
