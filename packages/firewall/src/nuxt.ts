/**
 * @smartpay-kit/firewall/nuxt — the secret-key firewall for Nuxt builds, as a Nuxt module
 * (`modules: ['@smartpay-kit/firewall/nuxt']`).
 * @packageDocumentation
 */
import { smartpayFirewallModule } from './nuxt/smartpayFirewallModule.js'

export type { NitroLike, NuxtLike } from './nuxt/smartpayFirewallModule.js'
export { smartpayFirewallModule }
export default smartpayFirewallModule
