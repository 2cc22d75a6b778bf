// webpack.config.ts (webpack 5), type-checked against the installed webpack's types.
import { smartpayFirewall as esbuildFirewall } from '@smartpay-kit/firewall/esbuild'
import { smartpayFirewall } from '@smartpay-kit/firewall/webpack'
import type { Configuration, WebpackPluginInstance } from 'webpack'

const config: Configuration = { entry: './src/main.js', plugins: [smartpayFirewall()] }
export default config

export const plugin: WebpackPluginInstance = smartpayFirewall()
export const plugins: Configuration['plugins'] = [smartpayFirewall()]

// The checks above are real: the esbuild plugin is not a webpack plugin.
// @ts-expect-error TS2322: the esbuild plugin has no `apply`
export const notWebpack: Configuration['plugins'] = [esbuildFirewall()]
