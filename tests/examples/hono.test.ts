import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { exampleFlow } from './exampleFlow.js'
import { run, serve } from './processes.js'

// examples/hono on Cloudflare's workerd: type-checked with tsc, then `wrangler dev` as its guide
// says, with the secrets in .dev.vars, a local D1 database for the webhook store, and the
// sandbox's CA in NODE_EXTRA_CA_CERTS (which wrangler hands to workerd).
describe('the Hono example on Cloudflare Workers', () => {
  exampleFlow({
    name: 'hono',
    webhookPath: '/webhooks/smartpay',
    async start({ install, dir, env, port, url }) {
      const typecheck = await run(install.node, dir, [
        join(install.root, 'node_modules/typescript/bin/tsc'),
      ])
      expect(typecheck.code, typecheck.output).toBe(0)
      const { NODE_EXTRA_CA_CERTS, PORT: _, HOST: __, ...secrets } = env
      writeFileSync(
        join(dir, '.dev.vars'),
        Object.entries(secrets)
          .map(([name, value]) => `${name}=${value}\n`)
          .join(''),
      )
      const wrangler = join(install.root, 'node_modules/wrangler/bin/wrangler.js')
      const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', '0']
      return serve(
        install.node,
        dir,
        [wrangler, ...args],
        { NODE_EXTRA_CA_CERTS: NODE_EXTRA_CA_CERTS ?? '' },
        url,
      )
    },
  })
})
