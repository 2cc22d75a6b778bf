import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  vite: 'src/vite/index.ts',
  rollup: 'src/rollup.ts',
  esbuild: 'src/esbuild.ts',
  webpack: 'src/webpack.ts',
  next: 'src/next/index.ts',
  // Next.js loads its build adapter by path: withSmartpayFirewall points it at this file.
  'next-adapter': 'src/next/adapter.ts',
  astro: 'src/astro/index.ts',
  nuxt: 'src/nuxt/index.ts',
  cli: 'src/cli.ts',
})
