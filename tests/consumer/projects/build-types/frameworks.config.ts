// The framework modules as their README rows wire them in (next.config, astro.config,
// nuxt.config), typed structurally: no framework is installed here.
import { smartpayFirewall } from '@smartpay-kit/firewall/astro'
import { withSmartpayFirewall } from '@smartpay-kit/firewall/next'
import smartpayFirewallModule from '@smartpay-kit/firewall/nuxt'

export const nextConfig = withSmartpayFirewall({ experimental: { taint: true } })
export const nextConfigByPhase = withSmartpayFirewall(async (phase: string) => ({
  output: phase === 'phase-export' ? 'export' : undefined,
}))
export const astroIntegrations = [smartpayFirewall()]
export const nuxtModules: ((options: unknown, nuxt: never) => void)[] = [smartpayFirewallModule]

// @ts-expect-error TS2769: adapterPath is a path, which the firewall's adapter takes over
withSmartpayFirewall({ adapterPath: 42 })
