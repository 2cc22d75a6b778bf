import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  vite: 'src/vite/index.ts',
  rollup: 'src/rollup.ts',
  esbuild: 'src/esbuild.ts',
  webpack: 'src/webpack.ts',
  next: 'src/next.ts',
  // Next.js loads its build adapter by path: withSmartpayFirewall points it at this file.
  'next-adapter': 'src/next/adapter.ts',
  astro: 'src/astro.ts',
  nuxt: 'src/nuxt.ts',
  cli: 'src/cli.ts',
})
