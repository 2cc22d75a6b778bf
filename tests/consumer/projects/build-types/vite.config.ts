// vite.config.ts as the firewall's README shows it, type-checked with @types/node (a build
// config runs in Node) against the installed vite's own types.
import { type SmartpayFirewallOptions, smartpayFirewall } from '@smartpay-kit/firewall/vite'
import { smartpayFirewall as webpackFirewall } from '@smartpay-kit/firewall/webpack'
import { defineConfig, type Plugin, type PluginOption, type UserConfig } from 'vite'

export default defineConfig({ plugins: [smartpayFirewall()] })

const options: SmartpayFirewallOptions = {}
// Its checks, and its last scan ordered after every other plugin: an array, as sveltekit() is.
export const plugin: Plugin[] = smartpayFirewall(options)
export const option: PluginOption = smartpayFirewall()
export const plugins: UserConfig['plugins'] = [smartpayFirewall(), [smartpayFirewall()]]

// The checks above are real: another bundler's plugin is not a Vite plugin.
// @ts-expect-error TS2769: the webpack plugin has no `name`
export const notVite = defineConfig({ plugins: [webpackFirewall()] })
// @ts-expect-error TS2345: the options are an object, not null
smartpayFirewall(null)
