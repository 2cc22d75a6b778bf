/**
 * @smartpay-kit/firewall/astro — the secret-key firewall for Astro builds.
 * @packageDocumentation
 */
export { type SmartpayFirewallIntegration, smartpayFirewall } from './astro/smartpayFirewall.js'
