import { libraryConfig } from '../../vite.lib'

export default libraryConfig({ index: 'src/index.ts', webhooks: 'src/webhooks/index.ts' })
