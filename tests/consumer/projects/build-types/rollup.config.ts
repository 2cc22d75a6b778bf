// rollup.config.ts (Rollup 4), type-checked against the installed rollup's types.
import { smartpayFirewall } from '@smartpay-kit/firewall/rollup'
import { smartpayFirewall as webpackFirewall } from '@smartpay-kit/firewall/webpack'
import { defineConfig, type OutputPlugin, type Plugin, type RollupOptions } from 'rollup'

export default defineConfig({
  input: 'src/main.js',
  output: { dir: 'dist' },
  plugins: [smartpayFirewall()],
})

export const plugin: Plugin = smartpayFirewall()
export const outputPlugin: OutputPlugin = smartpayFirewall()
export const options: RollupOptions = {
  input: 'src/main.js',
  output: { dir: 'dist', plugins: [smartpayFirewall()] },
}
export const plugins: RollupOptions['plugins'] = [smartpayFirewall()]

// The checks above are real: the webpack plugin is not a Rollup plugin.
// @ts-expect-error TS2741: the webpack plugin has no `name`
export const notRollup: Plugin = webpackFirewall()
// @ts-expect-error TS2353: the Rollup plugin has no `include` option (only servedDir)
smartpayFirewall({ include: ['src/**'] })
