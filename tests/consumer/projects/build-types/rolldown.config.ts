// rolldown.config.ts: Rolldown 1 takes the Rollup plugin; type-checked against rolldown's types.

import { smartpayFirewall } from '@smartpay-kit/firewall/rollup'
import { smartpayFirewall as webpackFirewall } from '@smartpay-kit/firewall/webpack'
import {
  defineConfig,
  type Plugin,
  type RolldownOptions,
  type RolldownPluginOption,
} from 'rolldown'

export default defineConfig({
  input: 'src/main.js',
  output: { dir: 'dist' },
  plugins: [smartpayFirewall()],
})

export const plugin: Plugin = smartpayFirewall()
export const option: RolldownPluginOption = smartpayFirewall()
export const plugins: RolldownOptions['plugins'] = [smartpayFirewall()]

// The checks above are real: the webpack plugin is not a Rolldown plugin.
// @ts-expect-error TS2322: the webpack plugin has no `name`
export const notRolldown: RolldownOptions['plugins'] = [webpackFirewall()]
