/**
 * @smartpay-kit/firewall/vite — the build-time layer of the secret-key firewall.
 * @packageDocumentation
 */
export { type SmartpayFirewallOptions, smartpayFirewall } from './smartpayFirewall.js'
