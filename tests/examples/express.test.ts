import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { exampleFlow } from './exampleFlow.js'
import { run, serve } from './processes.js'

// examples/express: type-checked with tsc, then run as its guide says, by Node itself (which
// strips the types), with the sandbox's CA in NODE_EXTRA_CA_CERTS.
describe('the Express example', () => {
  exampleFlow({
    name: 'express',
    webhookPath: '/webhooks/smartpay',
    async start({ install, dir, env, url }) {
      const typecheck = await run(install.node, dir, [
        join(install.root, 'node_modules/typescript/bin/tsc'),
      ])
      expect(typecheck.code, typecheck.output).toBe(0)
      return serve(install.node, dir, ['src/server.ts'], env, url)
    },
  })
})
