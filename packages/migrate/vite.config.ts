import { libraryConfig } from '../../vite.lib.ts'

const config = libraryConfig({ index: 'src/index.ts', cli: 'src/cli.ts' })
// The codemod's own dependencies (Babel's parser and traverse, magic-string, diff) stay
// external too: npm installs them beside it.
const options = config.build?.rolldownOptions
if (options && Array.isArray(options.external)) {
  options.external.push(/^@babel\//, 'magic-string', 'diff')
}

export default config
