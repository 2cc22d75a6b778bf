import { describe, expect, it } from 'vitest'
import * as esbuildPlugin from './esbuild.js'
import * as rollupPlugin from './rollup.js'
import * as vitePlugin from './vite/index.js'
import * as webpackPlugin from './webpack.js'

// Any change to the public surface shows up here, in review.
describe('public exports', () => {
  it('of @smartpay-kit/firewall/vite', () => {
    expect(Object.keys(vitePlugin).sort()).toMatchInlineSnapshot(`
      [
        "smartpayFirewall",
      ]
    `)
  })

  it.each([
    ['rollup', rollupPlugin],
    ['esbuild', esbuildPlugin],
    ['webpack', webpackPlugin],
  ])('of @smartpay-kit/firewall/%s', (_name, plugin) => {
    expect(Object.keys(plugin).sort()).toEqual(['smartpayFirewall'])
  })
})
