import { describe, expect, it } from 'vitest'
import * as core from '../../core/src/index.js'
import * as coreInternal from '../../core/src/internal.js'
import * as sandboxFetch from '../../sandbox/src/fetch.js'
import * as sandbox from '../../sandbox/src/index.js'

// vitest.workspace.ts resolves the workspace packages through their `@smartpay-kit/source`
// export condition (Vite's SSR environment here): an import by name is the source module
// itself, never a build in dist/.
describe('a workspace package imported by name in a Node test', () => {
  it('is its source module', async () => {
    expect(await import('@smartpay-kit/core')).toBe(core)
    expect(await import('@smartpay-kit/core/internal')).toBe(coreInternal)
    expect(await import('@smartpay-kit/sandbox')).toBe(sandbox)
    expect(await import('@smartpay-kit/sandbox/fetch')).toBe(sandboxFetch)
  })
})
