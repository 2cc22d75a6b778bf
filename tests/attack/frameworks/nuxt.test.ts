import { describe, expect, it } from 'vitest'
import { app, appAttack, frameworks, KEY, runScript } from './helpers.js'

// Nuxt 4: a page that fetches a server route while prerendering, and the route prerendered
// too. Nitro prerenders and copies the public assets after every Vite build: the module scans
// .output/public in Nitro's `compiled` hook.

const NUXT = 'nuxt/bin/nuxt.mjs'

describe("Nuxt 4 with modules: ['@smartpay-kit/firewall/nuxt']", () => {
  appAttack({
    app: 'nuxt',
    command: [NUXT, 'build'],
    served: '.output/public',
    ships: ['.output/public/_payload.json', '.output/public/api/merchant'],
    refused: ['.output/public/_payload.json', '.output/public/api/merchant'],
  })

  it('refuses a NUXT_PUBLIC_ env var that holds a key before building (every page gets it)', async () => {
    const install = await frameworks()
    const dir = app(install, 'nuxt', 'nuxt-public-env')
    const { code, output } = await runScript(install, dir, NUXT, ['build'], {
      ATTACK_FIREWALL: '1',
      NUXT_PUBLIC_SMARTPAY_KEY: KEY,
    })
    expect(code).not.toBe(0)
    expect(output).toContain('NUXT_PUBLIC_SMARTPAY_KEY: sk_live_…uite')
    expect(output).not.toContain(KEY)
  })
})
