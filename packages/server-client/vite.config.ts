import { libraryConfig } from '../../vite.lib.ts'

export default libraryConfig({
  index: 'src/index.ts',
  webhooks: 'src/webhooks/index.ts',
  'webhooks-node': 'src/webhooks/node/index.ts',
})
