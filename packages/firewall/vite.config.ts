import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  vite: 'src/vite/index.ts',
  rollup: 'src/rollup.ts',
  esbuild: 'src/esbuild.ts',
  webpack: 'src/webpack.ts',
  cli: 'src/cli.ts',
})
