// An esbuild build script, type-checked against the installed esbuild's types.
import { smartpayFirewall } from '@smartpay-kit/firewall/esbuild'
import { smartpayFirewall as rollupFirewall } from '@smartpay-kit/firewall/rollup'
import { type BuildOptions, build, type Plugin } from 'esbuild'

export const plugin: Plugin = smartpayFirewall()
export const options: BuildOptions = {
  entryPoints: ['src/main.js'],
  bundle: true,
  outdir: 'dist',
  plugins: [smartpayFirewall()],
}
export const plugins: BuildOptions['plugins'] = [smartpayFirewall()]

export async function main(): Promise<void> {
  await build({
    entryPoints: ['src/main.js'],
    bundle: true,
    outdir: 'dist',
    plugins: [smartpayFirewall()],
  })
}

// The checks above are real: the Rollup plugin is not an esbuild plugin.
// @ts-expect-error TS2741: the Rollup plugin has no `setup`
export const notEsbuild: BuildOptions['plugins'] = [rollupFirewall()]
