import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { DEFAULT_KEYS } from '../../packages/sandbox/src/index.js'
import { exampleFlow } from './exampleFlow.js'
import { run, serve } from './processes.js'

const NEXT = 'node_modules/next/dist/bin/next'

// examples/next: `next build` (Turbopack, which type-checks the app, and the firewall scans what
// it wrote), then `next start`, as its guide says. NEXT_PUBLIC_ values are inlined at build time,
// so the build is for this sandbox.
describe('the Next.js example', () => {
  exampleFlow({
    name: 'next',
    webhookPath: '/api/webhooks/smartpay',
    async start({ install, dir, env, port, sandbox, url }) {
      const publicEnv = {
        NEXT_PUBLIC_SMARTPAY_PUBLIC_KEY: DEFAULT_KEYS.public,
        NEXT_PUBLIC_SMARTPAY_API_PREFIX: sandbox.apiUrl,
      }
      // No secret at build time, as in a CI without secrets: the client reads its key at its
      // first call, and the webhook handler its signing secret when the server imports it.
      const build = await run(install.node, dir, [join(install.root, NEXT), 'build'], publicEnv)
      expect(build.code, build.output).toBe(0)
      expect(build.output).toContain('(Turbopack)')
      // withSmartpayFirewall's build adapter scanned what Next.js serves, and found no key.
      expect(build.output).toContain('Running onBuildComplete from smartpay-firewall')
      const args = [join(install.root, NEXT), 'start', '-p', String(port), '-H', '127.0.0.1']
      return serve(install.node, dir, args, { ...env, ...publicEnv }, url)
    },
  })
})
