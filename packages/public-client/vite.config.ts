import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({ index: 'src/index.ts', vite: 'src/vite/index.ts' })
