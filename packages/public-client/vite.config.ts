import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  index: 'src/index.ts',
  vite: 'src/vite/index.ts',
  rollup: 'src/bundlers/rollup.ts',
  esbuild: 'src/bundlers/esbuild.ts',
  webpack: 'src/bundlers/webpack.ts',
  cli: 'src/bundlers/cli.ts',
})
