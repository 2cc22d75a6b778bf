import { join } from 'node:path'
import { describe, expect } from 'vitest'
import { exampleFlow } from './exampleFlow.js'
import { run, serve } from './processes.js'

// examples/sveltekit: `svelte-kit sync` and tsc, `vite build` (adapter-node, the firewall's Vite
// plugin), then `node build`, as its guide says.
describe('the SvelteKit example', () => {
  exampleFlow({
    name: 'sveltekit',
    webhookPath: '/webhooks/smartpay',
    async start({ install, dir, env, url }) {
      const modules = join(install.root, 'node_modules')
      const sync = await run(install.node, dir, [
        join(modules, '@sveltejs/kit/svelte-kit.js'),
        'sync',
      ])
      expect(sync.code, sync.output).toBe(0)
      const typecheck = await run(install.node, dir, [join(modules, 'typescript/bin/tsc')])
      expect(typecheck.code, typecheck.output).toBe(0)
      // No secret at build time, as in a CI without secrets (SvelteKit runs the server modules
      // while it analyses the routes).
      const build = await run(install.node, dir, [join(modules, 'vite/bin/vite.js'), 'build'])
      expect(build.code, build.output).toBe(0)
      // adapter-node takes the app's public origin from ORIGIN (it cannot know it from a request).
      return serve(install.node, dir, ['build'], { ...env, ORIGIN: url }, url)
    },
  })
})
