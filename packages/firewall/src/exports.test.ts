import { describe, expect, it } from 'vitest'
import * as astroIntegration from './astro.js'
import * as esbuildPlugin from './esbuild.js'
import * as nextConfig from './next.js'
import * as nuxtModule from './nuxt.js'
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

  it('of the framework modules: /next, /astro, /nuxt (its default export is the Nuxt module)', () => {
    expect(Object.keys(nextConfig).sort()).toEqual(['withSmartpayFirewall'])
    expect(Object.keys(astroIntegration).sort()).toEqual(['smartpayFirewall'])
    expect(Object.keys(nuxtModule).sort()).toEqual(['default', 'smartpayFirewallModule'])
    expect(nuxtModule.default).toBe(nuxtModule.smartpayFirewallModule)
  })
})
