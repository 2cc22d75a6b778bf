import { describe, expect, it } from 'vitest'
import * as core from '../../core/src/index.js'
import * as firewallVite from '../../firewall/src/vite/index.js'

// vitest.workspace.ts resolves the workspace packages through their `@smartpay-kit/source`
// export condition (Vite's client environment here, as for happy-dom): an import by name is
// the source module itself, never a build in dist/.
describe('a workspace package imported by name in a happy-dom test', () => {
  it('is its source module', async () => {
    expect(await import('@smartpay-kit/core')).toBe(core)
    expect(await import('@smartpay-kit/firewall/vite')).toBe(firewallVite)
  })
})
